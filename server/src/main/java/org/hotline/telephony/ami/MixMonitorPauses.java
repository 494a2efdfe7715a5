package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.call.RecordingPauses;
import org.hotline.shared.AgentId;

/**
 * Pauses by muting the MixMonitor on the agent's leg, on the node that has the agent's call; Asterisk
 * refuses one where nothing is recorded. Blocking (AMI round trips): never on the event loop.
 */
public final class MixMonitorPauses implements RecordingPauses {

    private final AsteriskNodes nodes;

    public MixMonitorPauses(AsteriskNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public void pause(AgentId agent, boolean paused) throws IOException {
        for (AmiLink ami : nodes.all()) {
            if (!ami.isConnected()) {
                continue;
            }
            Optional<String> channel;
            try {
                channel = SpiedCalls.agentInCall(ami, agent);
            } catch (EventTimeoutException e) {
                throw new IOException("Asterisk did not list its channels in time", e);
            }
            if (channel.isPresent()) {
                ManagerResponse response;
                try {
                    response = ami.send(RecordingMute.of(channel.get(), paused));
                } catch (TimeoutException e) {
                    throw new IOException("MixMonitorMute: no answer from node " + ami.node(), e);
                }
                if (response instanceof ManagerError) {
                    throw new NotRecorded("agent " + agent.value() + "'s call is not recorded");
                }
                return;
            }
        }
        throw new NotRecorded("agent " + agent.value() + " is not in a call");
    }
}
