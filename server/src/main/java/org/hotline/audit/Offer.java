package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * One ring of an agent's phone for a call, as either side tells it.
 *
 * @param leg           the agent channel's unique id (null where a record does not say)
 * @param ringEndedAt   answered, rang out, cancelled: when the ring stopped
 */
public record Offer(String agent, String leg, Instant ringStartedAt, Instant ringEndedAt, OfferOutcome outcome) {

    public Duration rang() {
        return ringStartedAt == null || ringEndedAt == null ? null : Duration.between(ringStartedAt, ringEndedAt);
    }
}
