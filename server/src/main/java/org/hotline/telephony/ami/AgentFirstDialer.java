package org.hotline.telephony.ami;

import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;

/**
 * The agent-first leg of a callback over AMI: an asynchronous Originate rings the agent's phone;
 * when they answer, Asterisk runs the {@code [hotline-callback]} context, whose script dials the customer.
 * Only the validated agent endpoint, the request's id (a checked Asterisk unique id) and the
 * request's checked number ever go into the action.
 */
public final class AgentFirstDialer implements CallbackDialer {

    private static final java.util.concurrent.atomic.AtomicLong LEGS = new java.util.concurrent.atomic.AtomicLong();
    private static final long STARTED = System.currentTimeMillis();

    /** Channel variable that tells the callback script which request this is. */
    public static final String REQUEST_VARIABLE = "HOTLINE_CALLBACK";

    private final AsteriskNodes nodes;
    private final DialTimes times;

    /**
     * @param nodes the Asterisk nodes (their links are added late: they are made after the floor that uses this dialer)
     * @param times Asterisk's times of the agent's leg
     */
    public AgentFirstDialer(AsteriskNodes nodes, DialTimes times) {
        this.nodes = nodes;
        this.times = times;
    }

    @Override
    public void dial(CallbackRequest request, AgentId agent, Duration ringAgentFor, Result result) {
        Thread.ofVirtual().name("callback-" + request.id().value()).start(() -> place(request, agent, ringAgentFor, result));
    }

    private void place(CallbackRequest request, AgentId agent, Duration ringAgentFor, Result result) {
        AmiLink ami = nodes.forAgent(agent); // the agent's phone is rung from a node it is registered with
        if (ami == null || !ami.isConnected()) {
            result.couldNotDial("no Asterisk node is connected");
            return;
        }
        OriginateAction originate = AgentFirstOriginate.CALLBACK.ringAgent(nodes.agentDial(), agent, request.number(), request.id().value(),
                ringAgentFor);
        // The leg's own id, so its ring can be read from Asterisk's dial events: the request's id and a counter.
        // The start time keeps it unique across restarts (a restart must never find an old leg under a new try's id).
        String leg = request.id().value() + "-cb" + Long.toString(STARTED, 36) + LEGS.incrementAndGet();
        originate.setChannelId(leg);
        try {
            result.placing(leg);
        } catch (RuntimeException e) {
            result.couldNotDial("the try's dialling state could not be kept: " + e.getMessage());
            return;
        }
        try {
            List<ResponseEvent> events = ami.await(originate, ringAgentFor.plusSeconds(10));
            if (!AgentFirstOriginate.agentAnswered(events)) {
                result.agentDidNotAnswer(times.ringOf(leg, Duration.ofSeconds(2)).map(DialTimes.Ring::startedAt).orElse(null));
            }
            // Answered: the callback script on the agent's channel takes it from here.
        } catch (Exception e) {
            result.couldNotDial(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
