package org.hotline.telephony.ami;

import java.util.Optional;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;

/** Asterisk's word that an agent answered their ringing phone: the moment they are on a call. */
public final class AgentAnswers {

    private AgentAnswers() {
    }

    public static Optional<AgentId> of(ManagerEvent event) {
        if (event instanceof DialEndEvent end && "ANSWER".equals(end.getDialStatus())) {
            return AgentAccounts.agentOfChannel(end.getDestChannel());
        }
        return Optional.empty();
    }
}
