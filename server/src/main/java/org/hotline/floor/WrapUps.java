package org.hotline.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.routing.AgentState;
import org.hotline.routing.Distributor;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;

/**
 * The agent's wrap-up after a conversation: it counts from the conversation's end, ends by its own
 * timer at exactly the setting, and its end goes on the call's record. Confined to the floor's context.
 */
final class WrapUps {

    private final Distributor distributor;
    private final Duration length;
    private final Timers timers;
    private final Runnable dispatch;
    private final CallEventSink records;
    private final Clock clock;
    /** Agents in wrap-up after a call, by the call whose record hears of its end. */
    private final Map<AgentId, CallId> wrapping = new HashMap<>();

    /** @param dispatch the floor's dispatch, after a wrap-up ended by its timer */
    WrapUps(Distributor distributor, Duration length, Timers timers, Runnable dispatch, CallEventSink records, Clock clock) {
        this.distributor = distributor;
        this.length = length;
        this.timers = timers;
        this.dispatch = dispatch;
        this.records = records;
        this.clock = clock;
    }

    /** The agent's conversation on {@code call} ended at {@code conversationEnded}: their wrap-up counts from then. */
    void start(AgentId agent, CallId call, Instant conversationEnded) {
        distributor.callEnded(agent, conversationEnded);
        wrapping.put(agent, call);
        timers.after(Duration.between(clock.instant(), conversationEnded.plus(length)), this::endDueAndDispatch);
    }

    /** A wrap-up the distributor started just now ends by its own timer at exactly the setting. */
    void endOnTime() {
        timers.after(length, this::endDueAndDispatch);
    }

    /** Every wrap-up that has lasted its length ends. */
    void endDue() {
        distributor.endWrapUps(length);
    }

    /** After every change (timer, API, pause): a wrap-up that just ended goes on its call's record. */
    void recordEnded() {
        if (wrapping.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        wrapping.entrySet().removeIf(entry -> {
            if (distributor.status(entry.getKey()).state() == AgentState.WRAP_UP) {
                return false;
            }
            records.publish(entry.getValue(), new CallEvent.WrapUpEnded(now, entry.getKey().value()));
            return true;
        });
    }

    private void endDueAndDispatch() {
        endDue();
        dispatch.run();
    }
}
