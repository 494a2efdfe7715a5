package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
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

    public ChanSpyLine(AsteriskNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public void join(MonitorRequest request) throws IOException {
        for (AmiLink ami : nodes.all()) {
            if (!ami.isConnected()) {
                continue;
            }
            Optional<String> channel = NodeActions.read(() -> SpiedCalls.agentInCall(ami, request.agent()));
            if (channel.isPresent()) {
                NodeActions.send(ami, SpyOriginate.ringSupervisor(nodes.agentDial(), request.phone(), request.agent(), channel.get(), request.mode()));
                return;
            }
        }
        throw new MonitorRefused(MonitorRefused.Why.NOT_IN_CALL, "agent " + request.agent().value() + " is not in a call");
    }

    @Override
    public void switchTo(AgentId phone, AgentId agent, MonitorMode mode) throws IOException {
        Spy spy = spy(phone, agent);
        NodeActions.send(spy.ami(), SpyKey.press(spy.channel(), mode));
    }

    @Override
    public void leave(AgentId phone, AgentId agent) throws IOException {
        Spy spy = spy(phone, agent);
        NodeActions.send(spy.ami(), new HangupAction(spy.channel()));
    }

    private record Spy(AmiLink ami, String channel) {
    }

    private Spy spy(AgentId phone, AgentId agent) throws IOException {
        for (AmiLink ami : nodes.all()) {
            if (ami.isConnected()) {
                Optional<String> channel = NodeActions.read(() -> SpiedCalls.spyOn(ami, phone, agent));
                if (channel.isPresent()) {
                    return new Spy(ami, channel.get());
                }
            }
        }
        throw new MonitorRefused(MonitorRefused.Why.NOT_LISTENING, "agent-" + phone.value()
                + " is not listening to agent " + agent.value());
    }
}
