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
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;

/**
 * The handbook's call length: a warning once a conversation reaches {@code warning} (3 minutes), a
 * breach once it reaches {@code limit} (never over 5), counted from the agent's answer, on the call's
 * record and the live channel — unless the conversation is over by then. Confined to the floor's context.
 */
final class TalkTimer {

    private final Duration warning;
    private final Duration limit;
    private final Timers timers;
    private final CallEventSink records;
    private final Clock clock;
    /** The conversation each agent is in now. */
    private final Map<AgentId, CallId> talking = new HashMap<>();
    private LiveFeed live = LiveFeed.none();

    TalkTimer(Duration warning, Duration limit, Timers timers, CallEventSink records, Clock clock) {
        this.warning = warning;
        this.limit = limit;
        this.timers = timers;
        this.records = records;
        this.clock = clock;
    }

    /** Warnings and breaches go to the live channel too from now on. */
    void publishOn(LiveFeed live) {
        this.live = live;
    }

    /** The agent answered {@code call} at {@code since} (Asterisk's time, perhaps a moment ago). */
    void started(AgentId agent, CallId call, Instant since) {
        talking.put(agent, call);
        timers.after(Duration.between(clock.instant(), since.plus(warning)), () -> reached(agent, call, since, false));
        timers.after(Duration.between(clock.instant(), since.plus(limit)), () -> reached(agent, call, since, true));
    }

    /** The agent's conversation is over: its timers find nothing to say. */
    void ended(AgentId agent) {
        talking.remove(agent);
    }

    /** How many conversations are going on. */
    int running() {
        return talking.size();
    }

    private void reached(AgentId agent, CallId call, Instant since, boolean breach) {
        if (!call.equals(talking.get(agent))) {
            return; // that conversation is over
        }
        Instant now = clock.instant();
        Duration talked = Duration.between(since, now);
        records.publish(call, new CallEvent.TalkTimeReached(now, agent.value(), talked, breach));
        live.publish(LiveEvent.forAgent(breach ? "talk-time-breach" : "talk-time-warning", agent.value(),
                Map.of("call", call.value(), "talkedSeconds", talked.toSeconds()), now));
    }
}
