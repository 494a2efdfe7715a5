package org.hotline.telephony.ami;

import java.io.IOException;
import org.asteriskjava.manager.action.HangupAction;
import org.hotline.routing.MonitorMode;
import org.hotline.routing.MonitorRefused;
import org.hotline.routing.MonitorRequest;
import org.hotline.routing.Spies;
import org.hotline.shared.AgentId;

/**
 * Listening in with Asterisk's ChanSpy: the supervisor's phone is rung on the node that has the
 * agent's call and, answered, spies on the agent's channel; the mode changes by ChanSpy's own keys,
 * leaving hangs the supervisor's leg up. Blocking (AMI round trips): never on the event loop.
 */
public final class ChanSpyLine implements Spies {

    private final AsteriskNodes nodes;
    private final boolean tellAgent;

    /** @param tellAgent whether the agent hears a tone as a supervisor joins (config: monitoring.tellAgent) */
    public ChanSpyLine(AsteriskNodes nodes, boolean tellAgent) {
        this.nodes = nodes;
        this.tellAgent = tellAgent;
    }

    @Override
    public void join(MonitorRequest request) throws IOException {
        NodeActions.Found call = NodeActions.find(nodes, ami -> SpiedCalls.agentInCall(ami, request.agent()))
                .orElseThrow(() -> new MonitorRefused(MonitorRefused.Why.NOT_IN_CALL, "agent " + request.agent().value() + " is not in a call"));
        NodeActions.send(call.ami(), SpyOriginate.ringSupervisor(nodes.agentDial(), request.phone(), request.agent(), call.channel(),
                request.mode(), tellAgent));
    }

    @Override
    public void switchTo(AgentId phone, AgentId agent, MonitorMode mode) throws IOException {
        NodeActions.Found spy = spy(phone, agent);
        NodeActions.send(spy.ami(), SpyKey.press(spy.channel(), mode));
    }

    @Override
    public void leave(AgentId phone, AgentId agent) throws IOException {
        NodeActions.Found spy = spy(phone, agent);
        NodeActions.send(spy.ami(), new HangupAction(spy.channel()));
    }

    private NodeActions.Found spy(AgentId phone, AgentId agent) throws IOException {
        return NodeActions.find(nodes, ami -> SpiedCalls.spyOn(ami, phone, agent))
                .orElseThrow(() -> new MonitorRefused(MonitorRefused.Why.NOT_LISTENING, "agent-" + phone.value()
                        + " is not listening to agent " + agent.value()));
    }
}
