package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * The channels listening in needs, as a node lists them (AMI {@code CoreShowChannels}): the agent's
 * phone in a conversation, and a supervisor's phone running ChanSpy on it. Only channel names
 * Asterisk itself gave, of the agents' own endpoints, come out of here.
 */
final class SpiedCalls {

    private static final String CHANSPY = "ChanSpy";

    private SpiedCalls() {
    }

    /** The agent's phone's channel while it is bridged with a caller, if this node has one. */
    static Optional<String> agentInCall(AmiLink ami, AgentId agent) throws IOException, EventTimeoutException {
        for (ResponseEvent event : ami.query(new CoreShowChannelsAction())) {
            if (event instanceof CoreShowChannelEvent channel && isAgents(channel, agent)
                    && !CHANSPY.equalsIgnoreCase(channel.getApplication())
                    && channel.getBridgeid() != null && !channel.getBridgeid().isBlank()) {
                return Optional.of(channel.getChannel());
            }
        }
        return Optional.empty();
    }

    /** The supervisor's phone's channel running ChanSpy on the agent's phone, if this node has one. */
    static Optional<String> spyOn(AmiLink ami, AgentId phone, AgentId agent) throws IOException, EventTimeoutException {
        String spied = AgentAccounts.endpointDial(agent) + "-";
        for (ResponseEvent event : ami.query(new CoreShowChannelsAction())) {
            if (event instanceof CoreShowChannelEvent channel && isAgents(channel, phone)
                    && CHANSPY.equalsIgnoreCase(channel.getApplication())
                    && channel.getApplicationdata() != null && channel.getApplicationdata().startsWith(spied)) {
                return Optional.of(channel.getChannel());
            }
        }
        return Optional.empty();
    }

    private static boolean isAgents(CoreShowChannelEvent channel, AgentId agent) {
        return AgentAccounts.agentOfChannel(channel.getChannel()).filter(agent::equals).isPresent();
    }
}
