package org.hotline.recovery;

import java.time.Instant;

/**
 * A call record an earlier run of the server left without an end: what it knows. Absent facts are null.
 *
 * @param lastKnownAt the latest time on the record (its newest event): the last moment the call was known alive
 */
public record OpenRecord(String id, Instant arrivalAt, Instant answeredAt, boolean measured, String agent, String agentLeg,
                         Instant talkStartedAt, boolean talkEnded, Instant callerLeftAt, Instant lastKnownAt) {

    public OpenRecord {
        if (id == null || lastKnownAt == null) {
            throw new IllegalArgumentException("an open record needs its id and a last known time");
        }
    }
}
