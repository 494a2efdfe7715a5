package org.hotline.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the reports need to know about one call, read from its record: raw timestamps only, so
 * every rule and every variant of a metric is computed from the same facts. Absent times are null.
 *
 * @param arrivalAt           when the call reached the hotline (the reporting period it belongs to)
 * @param queue               the queue it waited in, or null (no choice, after hours)
 * @param systemAnsweredAt    when the hotline picked up
 * @param withinRings         the hotline picked up within three rings of arrival
 * @param apologyDue          the caller waited past five rings before a person (or the system) answered
 * @param apologyPlayedAt     when the apology was played
 * @param enqueuedAt          when the call joined its queue
 * @param agent               the agent who talked to the caller last, or null
 * @param agentAnsweredAt     when that agent answered
 * @param talkEndedAt         when their conversation ended
 * @param wrapUpEndedAt       when the agent's wrap-up after the call ended
 * @param abandonedAt         the caller hung up while waiting, at this time
 * @param callbackRequestedAt the caller asked to be called back
 * @param callbackDeadline    by when the callback was due
 * @param callbackReachedAt   when the customer was reached on the callback, or null (not yet, or never)
 * @param surveyScore         the caller's 1–5 rating, or null
 */
public record CallFacts(String id, Instant arrivalAt, String queue, Instant systemAnsweredAt, boolean withinRings,
                        boolean apologyDue, Instant apologyPlayedAt, boolean afterHours, Instant enqueuedAt, String agent,
                        Instant agentAnsweredAt, Instant talkEndedAt, Instant wrapUpEndedAt, Instant abandonedAt,
                        Instant callbackRequestedAt, Instant callbackDeadline, Instant callbackReachedAt,
                        Integer surveyScore, List<OfferFacts> offers) {

    public CallFacts {
        if (id == null || arrivalAt == null) {
            throw new IllegalArgumentException("a call's facts need its id and arrival");
        }
        offers = offers == null ? List.of() : List.copyOf(offers);
        if (surveyScore != null && (surveyScore < 1 || surveyScore > 5)) {
            throw new IllegalArgumentException("a survey score is 1 to 5, not " + surveyScore);
        }
    }

    /**
     * One time an agent's phone rang for this call.
     *
     * @param answered whether the agent picked up
     */
    public record OfferFacts(String agent, Instant ringStartedAt, Instant endedAt, boolean answered) {
    }

    public boolean queued() {
        return enqueuedAt != null;
    }

    /** From joining the queue to a person answering. */
    public Optional<Duration> waitForAgent() {
        return between(enqueuedAt, agentAnsweredAt);
    }

    public Optional<Duration> talk() {
        return between(agentAnsweredAt, talkEndedAt);
    }

    public Optional<Duration> wrapUp() {
        return between(talkEndedAt, wrapUpEndedAt);
    }

    /** From joining the queue to hanging up while waiting. */
    public Optional<Duration> waitBeforeAbandon() {
        return between(enqueuedAt, abandonedAt);
    }

    /** From joining the queue to asking for a callback. */
    public Optional<Duration> waitBeforeCallback() {
        return between(enqueuedAt, callbackRequestedAt);
    }

    /** Both times known: the time between (never negative: sources' clocks may differ by a hair). */
    private static Optional<Duration> between(Instant from, Instant to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        Duration duration = Duration.between(from, to);
        return Optional.of(duration.isNegative() ? Duration.ZERO : duration);
    }
}
