package org.hotline.telephony.ami;

import java.io.IOException;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.ManagerResponse;

/** AMI {@code SetVar} of a dialplan global. */
final class SetGlobal {

    private SetGlobal() {
    }

    /** @return Asterisk's response (its {@code Response} says whether the global was set) */
    static ManagerResponse to(AmiLink link, String global, String value) throws IOException, TimeoutException {
        return link.send(new SetVarAction(global, value));
    }
}
