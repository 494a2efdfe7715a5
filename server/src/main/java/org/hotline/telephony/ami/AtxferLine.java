package org.hotline.telephony.ami;

import java.io.IOException;
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
        NodeActions.Found call = NodeActions.find(nodes, ami -> SpiedCalls.agentInCall(ami, request.from()))
                .orElseThrow(() -> new TransferRefused(TransferRefused.Why.NOT_IN_CALL, "agent " + request.from().value() + " is not in a call"));
        NodeActions.send(call.ami(), request.mode() == TransferMode.BLIND ? BlindTransferAction.to(call.channel(), request.target())
                : ConsultAction.consult(call.channel(), request.target().agent()));
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
        NodeActions.Found consultation = NodeActions.find(nodes, ami -> Consultations.agentConsulting(ami, agent))
                .orElseThrow(() -> new TransferRefused(TransferRefused.Why.NO_CONSULTATION, "agent " + agent.value() + " is consulting nobody"));
        for (ManagerAction key : TransferKeys.press(consultation.channel(), keys)) {
            NodeActions.send(consultation.ami(), key);
        }
    }
}
