package org.hotline.floor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.hotline.report.AgentSpan;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentStatus;

/**
 * Turns the floor's agent states into spans of time (ready, on a call, paused for a reason…) for
 * occupancy and pause-time reports. Confined to the floor's thread; at each new hour what has been
 * counted so far goes out, so the past hour's report is complete.
 */
final class AgentTimeKeeper {

    private record Open(String state, String reason, Instant since) {
    }

    private final Map<AgentId, Open> open = new HashMap<>();
    private final Consumer<AgentSpan> spans;

    AgentTimeKeeper(Consumer<AgentSpan> spans) {
        this.spans = spans;
    }

    /** After every change on the floor. */
    void observe(List<AgentStatus> statuses) {
        for (AgentStatus status : statuses) {
            String state = dashed(status.state().name());
            String reason = status.pauseReason() == null ? null : dashed(status.pauseReason().name());
            Open was = open.get(status.agent().id());
            if (was == null) {
                open.put(status.agent().id(), new Open(state, reason, status.since()));
            } else if (!was.state().equals(state) || !Objects.equals(was.reason(), reason)) {
                emit(status.agent().id(), was, status.since());
                open.put(status.agent().id(), new Open(state, reason, status.since()));
            }
        }
    }

    /** Counts the time up to the start of the current hour. */
    void flush(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        open.replaceAll((agent, was) -> {
            if (!was.since().isBefore(hour)) {
                return was;
            }
            emit(agent, was, hour);
            return new Open(was.state(), was.reason(), hour);
        });
    }

    /**
     * At a graceful stop: counts every open stretch up to {@code now}; the stretches go on from
     * {@code now} (a floor that keeps running counts them again only from there).
     */
    void flushAll(Instant now) {
        open.replaceAll((agent, was) -> {
            if (!now.isAfter(was.since())) {
                return was;
            }
            emit(agent, was, now);
            return new Open(was.state(), was.reason(), now);
        });
    }

    private void emit(AgentId agent, Open was, Instant until) {
        if (until.isAfter(was.since())) {
            spans.accept(new AgentSpan(agent.value(), was.state(), was.reason(), was.since(), until));
        }
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
