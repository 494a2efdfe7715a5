package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One inbound call as a source tells it, CEL or the call record: only what both can know. Absent times are null.
 *
 * @param id                  the caller channel's unique id (the call record's {@code _id})
 * @param answeredAt          the hotline picked up
 * @param enqueuedAt          the caller joined {@code queue}
 * @param agentAnsweredAt     an agent answered (the answered offer's ring end)
 * @param callerHungUpAt      the caller hung up (null when the hotline or an agent ended the call)
 * @param endedAt             the caller's channel hung up, whoever ended it
 * @param talkStartedAt       the conversation: the caller in a bridge with an agent
 */
public record AuditedCall(String id, Instant arrivalAt, Instant answeredAt, String queue, Instant enqueuedAt,
                          List<Offer> offers, Instant agentAnsweredAt, Instant talkStartedAt, Instant talkEndedAt,
                          Instant callerHungUpAt, Instant endedAt) {

    public AuditedCall {
        if (id == null || arrivalAt == null) {
            throw new IllegalArgumentException("an audited call needs its id and arrival");
        }
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    public boolean queued() {
        return enqueuedAt != null;
    }

    /** Queued, no agent answered, and the caller hung up (also while an agent's phone rang). */
    public Optional<Instant> abandonedAt() {
        return queued() && agentAnsweredAt == null ? Optional.ofNullable(callerHungUpAt) : Optional.empty();
    }

    /** How the call ended, in a word both sides can say. */
    public String outcome() {
        if (agentAnsweredAt != null) {
            return "agent-answered";
        }
        if (abandonedAt().isPresent()) {
            return "abandoned";
        }
        if (queued()) {
            return "left-queue"; // a callback asked for, or closed at the longest wait
        }
        return answeredAt == null ? "not-answered" : "not-queued";
    }

    /** The conversation's length (from the agent's answer when the bridge was not seen). */
    public Optional<Duration> talk() {
        Instant start = talkStartedAt != null ? talkStartedAt : agentAnsweredAt;
        return start == null || talkEndedAt == null ? Optional.empty() : Optional.of(Duration.between(start, talkEndedAt));
    }
}
