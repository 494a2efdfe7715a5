package org.hotline.telephony.ami;

import java.io.IOException;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CommandAction;

/** AMI {@code Command "module reload res_pjsip.so"}: Asterisk loads the agents' SIP accounts just written. */
final class ReloadAgentAccounts {

    private ReloadAgentAccounts() {
    }

    static void send(AmiLink ami) throws IOException, TimeoutException {
        ami.send(new CommandAction("module reload res_pjsip.so"));
    }
}
