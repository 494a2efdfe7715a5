package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.action.ManagerAction;
import org.hotline.routing.TransferLine;
import org.hotline.routing.TransferMode;
import org.hotline.routing.TransferRefused;
import org.hotline.routing.TransferRequest;
import org.hotline.shared.AgentId;

/**
 * Transfers with Asterisk's own: {@code BlindTransfer} and {@code Atxfer} on the agent's channel, as
 * the node that has the call lists it, and the attended-transfer keys during the consultation.
 * Blocking (AMI round trips): never on the event loop.
 */
public final class AtxferLine implements TransferLine {

    private final AsteriskNodes nodes;

    public AtxferLine(AsteriskNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public void start(TransferRequest request) throws IOException {
        Leg leg = find(request.from(), false);
        ManagerAction action = request.mode() == TransferMode.BLIND ? BlindTransferAction.to(leg.channel(), request.target())
                : ConsultAction.consult(leg.channel(), request.target().agent());
        NodeActions.send(leg.ami(), action);
    }

    @Override
    public void complete(AgentId agent) throws IOException {
        press(agent, TransferKeys.COMPLETE);
    }

    @Override
    public void cancel(AgentId agent) throws IOException {
        press(agent, TransferKeys.CANCEL);
    }

    @Override
    public void conference(AgentId agent) throws IOException {
        press(agent, TransferKeys.CONFERENCE);
    }

    private void press(AgentId agent, String keys) throws IOException {
        Leg leg = find(agent, true);
        for (ManagerAction key : TransferKeys.press(leg.channel(), keys)) {
            NodeActions.send(leg.ami(), key);
        }
    }

    private record Leg(AmiLink ami, String channel) {
    }

    private Leg find(AgentId agent, boolean consulting) throws IOException {
        for (AmiLink ami : nodes.all()) {
            if (!ami.isConnected()) {
                continue;
            }
            Optional<String> channel = NodeActions.read(() -> consulting ? Consultations.agentConsulting(ami, agent)
                    : SpiedCalls.agentInCall(ami, agent));
            if (channel.isPresent()) {
                return new Leg(ami, channel.get());
            }
        }
        throw consulting ? new TransferRefused(TransferRefused.Why.NO_CONSULTATION, "agent " + agent.value() + " is consulting nobody")
                : new TransferRefused(TransferRefused.Why.NOT_IN_CALL, "agent " + agent.value() + " is not in a call");
    }
}
