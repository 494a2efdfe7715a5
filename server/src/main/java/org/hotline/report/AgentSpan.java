package org.hotline.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of time an agent spent in one state, for occupancy and pause time.
 *
 * @param state  the agent's state (as the floor names it: ready, offered, on-call, wrap-up, paused, logged-out)
 * @param reason the pause reason (break, training, admin, ring-no-answer) or null
 */
public record AgentSpan(String agent, String state, String reason, Instant from, Instant to) {

    public AgentSpan {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span ends after it starts");
        }
    }

    /** What the time counts as, or empty for time that is not measured (logged out). */
    public Optional<Measure> measure() {
        return Optional.ofNullable(switch (state) {
            case "ready" -> Measure.READY_MS;
            case "offered" -> Measure.OFFERED_MS;
            case "on-call" -> Measure.ON_CALL_MS;
            case "wrap-up" -> Measure.AGENT_WRAP_UP_MS;
            case "paused" -> reason == null ? null : switch (reason) {
                case "break" -> Measure.PAUSED_BREAK_MS;
                case "training" -> Measure.PAUSED_TRAINING_MS;
                case "admin" -> Measure.PAUSED_ADMIN_MS;
                case "ring-no-answer" -> Measure.PAUSED_RING_NO_ANSWER_MS;
                default -> null;
            };
            default -> null;
        });
    }

    /** The span cut at whole hours, each piece with its hour (reports add up hours). */
    public List<AgentSpan> byHour() {
        List<AgentSpan> pieces = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant hourEnd = start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant end = hourEnd.isBefore(to) ? hourEnd : to;
            pieces.add(new AgentSpan(agent, state, reason, start, end));
            start = end;
        }
        return pieces;
    }

    public Instant hour() {
        return from.truncatedTo(ChronoUnit.HOURS);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
