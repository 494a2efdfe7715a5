package org.hotline.campaign;

import java.time.Instant;

/** A finished attempt as kept: the outbound call's record, read back for supervisors. */
public record AttemptRecord(String contactId, String number, int attempt, String agent, Instant startedAt,
                            Instant answeredAt, Instant endedAt, AttemptOutcome outcome, Integer surveyScore) {
}
