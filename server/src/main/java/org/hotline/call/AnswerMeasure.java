package org.hotline.call;

import java.time.Duration;

/**
 * How long a caller waited before being answered, and what that means under the ring rules.
 *
 * @param waited     arrival to answer
 * @param ring       the ring during which the call was answered (1 = the first ring)
 * @param withinRule answered within the ring limit (a call answered exactly at the limit keeps it)
 * @param apologyDue the caller waited past the apology threshold
 */
public record AnswerMeasure(Duration waited, int ring, boolean withinRule, boolean apologyDue) {
}
