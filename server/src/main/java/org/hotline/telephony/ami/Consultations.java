package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * An agent's consultation as a node lists it (AMI {@code CoreShowChannels}): the agent's phone bridged
 * with the Local channel Asterisk's attended transfer made into [hotline-transfer], while their caller
 * waits in the first bridge.
 */
final class Consultations {

    private Consultations() {
    }

    /** The agent's channel while it consults a colleague, if this node has one. */
    static Optional<String> agentConsulting(AmiLink ami, AgentId agent) throws IOException, EventTimeoutException {
        List<CoreShowChannelEvent> channels = ami.query(new CoreShowChannelsAction()).stream()
                .filter(CoreShowChannelEvent.class::isInstance).map(CoreShowChannelEvent.class::cast).toList();
        String consultLeg = "@" + Dialplan.TRANSFER.context() + "-";
        for (CoreShowChannelEvent channel : channels) {
            String bridge = channel.getBridgeid();
            if (AgentAccounts.agentOfChannel(channel.getChannel()).filter(agent::equals).isPresent()
                    && bridge != null && !bridge.isBlank()
                    && channels.stream().anyMatch(other -> bridge.equals(other.getBridgeid()) && other.getChannel() != null
                    && other.getChannel().startsWith("Local/") && other.getChannel().contains(consultLeg))) {
                return Optional.of(channel.getChannel());
            }
        }
        return Optional.empty();
    }
}
