package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;

/** AMI {@code GetVar} of a dialplan global: its value, or empty when Asterisk has none. */
final class ReadGlobal {

    private ReadGlobal() {
    }

    static Optional<String> of(AmiLink link, String global) throws IOException, TimeoutException {
        ManagerResponse current = link.send(new GetVarAction(global));
        return current instanceof GetVarResponse got ? Optional.ofNullable(got.getValue()) : Optional.empty();
    }
}
