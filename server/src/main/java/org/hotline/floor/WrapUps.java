package org.hotline.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.routing.AgentState;
import org.hotline.routing.Distributor;
import org.hotline.routing.WrapUpChoice;
import org.hotline.routing.WrapUpCodeRule;
import org.hotline.routing.WrapUpCodes;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;

/**
 * The agent's wrap-up after a conversation: it counts from the conversation's end, ends by its own
 * timer at exactly the setting, and its end goes on the call's record; the code the agent gives the
 * call goes there too ({@link WrapUpCoding}). Confined to the floor's context.
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
    private WrapUpCoding coding = new WrapUpCoding(WrapUpCodes.NONE, WrapUpCodeRule.standard());
    private LiveFeed live = LiveFeed.none();

    /** @param dispatch the floor's dispatch, after a wrap-up ended by its timer */
    WrapUps(Distributor distributor, Duration length, Timers timers, Runnable dispatch, CallEventSink records, Clock clock) {
        this.distributor = distributor;
        this.length = length;
        this.timers = timers;
        this.dispatch = dispatch;
        this.records = records;
        this.clock = clock;
    }

    /** Each queue's codes and when they may be given (before the first call). */
    void codeWith(WrapUpCodes codes, WrapUpCodeRule rule) {
        coding = new WrapUpCoding(codes, rule);
    }

    /** The agent's desktop hears of each code given, from the page or the phone ({@code wrap-up-coded}). */
    void publishOn(LiveFeed live) {
        this.live = live;
    }

    /** The agent's last call, if they may still see or code it. */
    java.util.Optional<WrapUpCoding.Codable> codable(AgentId agent) {
        noteAnotherCall(agent);
        return coding.codable(agent, clock.instant());
    }

    /**
     * The agent's conversation on {@code call} (of {@code queue}, or null) ended at {@code conversationEnded}:
     * their wrap-up counts from then, and the call is the one they may code.
     */
    void start(AgentId agent, CallId call, Skill queue, Instant conversationEnded) {
        distributor.callEnded(agent, conversationEnded);
        wrapping.put(agent, call);
        coding.conversationEnded(agent, call, queue, conversationEnded);
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
            coding.wrapUpEnded(entry.getKey(), entry.getValue(), now);
            return true;
        });
    }

    /** The agent codes their last call: on its record at once (see {@link WrapUpCoding#choose} for what is refused). */
    WrapUpChoice choose(AgentId agent, CallId call, String code) {
        noteAnotherCall(agent);
        WrapUpChoice choice = coding.choose(agent, call, code, clock.instant());
        records.publish(call, new CallEvent.WrapUpCoded(choice.chosenAt(), agent.value(), choice.queue().name(),
                choice.code().id()));
        live.publish(LiveEvent.forAgent("wrap-up-coded", agent.value(), java.util.Map.of("call", call.value(),
                "queue", choice.queue().name(), "code", choice.code().id()), choice.chosenAt()));
        return choice;
    }

    /** On a call now, the agent has taken another since their last one ended (inbound, callback or campaign alike). */
    private void noteAnotherCall(AgentId agent) {
        if (distributor.status(agent).state() == AgentState.ON_CALL) {
            coding.tookAnotherCall(agent);
        }
    }

    private void endDueAndDispatch() {
        endDue();
        dispatch.run();
    }
}
