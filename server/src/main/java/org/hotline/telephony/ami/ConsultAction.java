package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.AtxferAction;
import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;

/**
 * AMI {@code Atxfer}: Asterisk's attended transfer on the agent's channel, as if the agent had keyed
 * it. The caller is held (music) while [hotline-transfer] rings the colleague; the agent then keys
 * (or the server keys for them, {@link TransferKeys}) complete, cancel or conference.
 */
final class ConsultAction {

    private ConsultAction() {
    }

    /** @param agentChannel the agent's channel as Asterisk listed it, bridged with their caller */
    static AtxferAction consult(String agentChannel, AgentId colleague) {
        AtxferAction atxfer = new AtxferAction();
        atxfer.setChannel(agentChannel);
        atxfer.setContext(Dialplan.TRANSFER.context());
        atxfer.setExten(colleague.value() + "#"); // # ends the digits at once, not after the digit timeout
        return atxfer;
    }
}
