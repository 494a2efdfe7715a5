package org.hotline.call;

import java.time.Duration;
import java.time.Instant;

/**
 * When a call must be answered, counted in rings: "answer within three rings, a ring is about
 * three seconds; after five rings, apologise first".
 *
 * @param ringLength        length of one ring (country dependent: CN/DE 5 s cadence, US 6 s; the handbook says ~3 s)
 * @param answerAtRing      the ring during which the hotline answers (1 = during the first ring, i.e. at once)
 * @param maxRings          the rule: answered by the end of this ring
 * @param apologyAfterRings a caller who waited past this many rings hears an apology first
 */
public record RingPolicy(Duration ringLength, int answerAtRing, int maxRings, int apologyAfterRings) {

    public RingPolicy {
        if (ringLength.isNegative() || ringLength.isZero()) {
            throw new IllegalArgumentException("ring length must be positive");
        }
        if (answerAtRing < 1 || answerAtRing > maxRings) {
            throw new IllegalArgumentException("answer ring must be between 1 and the limit of " + maxRings);
        }
        if (apologyAfterRings < maxRings) {
            throw new IllegalArgumentException("the apology threshold cannot be below the answer limit");
        }
    }

    /** The handbook's defaults: 3 s rings, answer at once, within 3 rings, apology after 5. */
    public static RingPolicy handbook() {
        return new RingPolicy(Duration.ofSeconds(3), 1, 3, 5);
    }

    /** The moment the hotline intends to answer a call that arrived at {@code arrival}. */
    public Instant plannedAnswer(Instant arrival) {
        return arrival.plus(ringLength.multipliedBy(answerAtRing - 1L));
    }

    /** The latest moment that still keeps the rule. */
    public Instant deadline(Instant arrival) {
        return arrival.plus(ringLength.multipliedBy(maxRings));
    }

    /** What the caller experienced between arrival and answer, measured against this policy. */
    public AnswerMeasure measure(Instant arrival, Instant answer) {
        Duration wait = Duration.between(arrival, answer);
        if (wait.isNegative()) {
            wait = Duration.ZERO; // clocks of two sources can differ by a hair; never report a negative wait
        }
        long ringNanos = ringLength.toNanos();
        long ring = Math.max(1, (wait.toNanos() + ringNanos - 1) / ringNanos);
        boolean withinRule = wait.compareTo(ringLength.multipliedBy(maxRings)) <= 0;
        boolean apologyDue = wait.compareTo(ringLength.multipliedBy(apologyAfterRings)) > 0;
        return new AnswerMeasure(wait, (int) Math.min(ring, Integer.MAX_VALUE), withinRule, apologyDue);
    }
}
