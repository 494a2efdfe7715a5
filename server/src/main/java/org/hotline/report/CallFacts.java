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
 * @param agentAnsweredAt     when that agent answered (Asterisk's DialEnd ANSWER of their leg)
 * @param talkStartedAt       when their conversation began (the caller's channel entered the bridge), or the answer
 * @param talkEndedAt         when their conversation ended (the caller's channel left the bridge)
 * @param wrapUpEndedAt       when the agent's wrap-up after the call ended
 * @param abandonedAt         the caller hung up while waiting, at this time
 * @param callbackRequestedAt the caller asked to be called back
 * @param callbackDeadline    by when the callback was due
 * @param callbackReachedAt   when the customer was reached on the callback, or null (not yet, or never)
 * @param surveyOffered       the caller was asked for a rating (the agent hung up first)
 * @param surveyScore         the caller's 1–5 rating, or null
 */
public record CallFacts(String id, Instant arrivalAt, String queue, Instant systemAnsweredAt, boolean withinRings,
                        boolean apologyDue, Instant apologyPlayedAt, boolean afterHours, Instant enqueuedAt, String agent,
                        Instant agentAnsweredAt, Instant talkStartedAt, Instant talkEndedAt, Instant wrapUpEndedAt,
                        Instant abandonedAt, Instant callbackRequestedAt, Instant callbackDeadline,
                        Instant callbackReachedAt, boolean surveyOffered, Integer surveyScore, List<OfferFacts> offers) {

    /** Facts without a separate conversation start (it is the answer) and with a survey offered when answered. */
    public CallFacts(String id, Instant arrivalAt, String queue, Instant systemAnsweredAt, boolean withinRings,
                     boolean apologyDue, Instant apologyPlayedAt, boolean afterHours, Instant enqueuedAt, String agent,
                     Instant agentAnsweredAt, Instant talkEndedAt, Instant wrapUpEndedAt, Instant abandonedAt,
                     Instant callbackRequestedAt, Instant callbackDeadline, Instant callbackReachedAt,
                     Integer surveyScore, List<OfferFacts> offers) {
        this(id, arrivalAt, queue, systemAnsweredAt, withinRings, apologyDue, apologyPlayedAt, afterHours, enqueuedAt, agent,
                agentAnsweredAt, agentAnsweredAt, talkEndedAt, wrapUpEndedAt, abandonedAt, callbackRequestedAt,
                callbackDeadline, callbackReachedAt, surveyScore != null, surveyScore, offers);
    }

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
     * One time an agent's phone rang for this call: the ring's own interval, by Asterisk's dial events
     * of the agent's leg, and how it ended.
     *
     * @param ringEndedAt when the ring ended (answered, rang out, stopped); null if not known
     */
    public record OfferFacts(String agent, Instant ringStartedAt, Instant ringEndedAt, OfferOutcome outcome) {

        public OfferFacts(String agent, Instant ringStartedAt, Instant ringEndedAt, boolean answered) {
            this(agent, ringStartedAt, ringEndedAt, answered ? OfferOutcome.ANSWERED : OfferOutcome.NO_ANSWER);
        }

        public boolean answered() {
            return outcome == OfferOutcome.ANSWERED;
        }

        /** How long the phone rang, when both ends of the ring are known. */
        public Optional<Duration> rang() {
            return between(ringStartedAt, ringEndedAt);
        }
    }

    /** How an offer's ring ended; only the first four were the agent's to answer. */
    public enum OfferOutcome {
        ANSWERED, NO_ANSWER, BUSY, UNAVAILABLE, CALLER_ABANDONED, WITHDRAWN;

        /** The agent had the chance to answer: the offer counts in the agent's three-ring figure. */
        public boolean agentsToAnswer() {
            return this != CALLER_ABANDONED && this != WITHDRAWN;
        }
    }

    public boolean queued() {
        return enqueuedAt != null;
    }

    /** From joining the queue to a person answering. */
    public Optional<Duration> waitForAgent() {
        return between(enqueuedAt, agentAnsweredAt);
    }

    /** The conversation: from caller and agent being connected to one of them hanging up. */
    public Optional<Duration> talk() {
        return between(talkStartedAt != null ? talkStartedAt : agentAnsweredAt, talkEndedAt);
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
