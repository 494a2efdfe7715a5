package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.ApologyRule;
import org.hotline.shared.Rings;

/**
 * How the hotline answers a caller, counted in rings: it answers during a planned ring, keeping the
 * caller's answer rule ("within three rings, a ring is about three seconds"); a caller who waited
 * past the apology rule's rings hears an apology first.
 *
 * @param answer       the caller's answer rule
 * @param answerAtRing the ring during which the hotline answers (1 = during the first ring, i.e. at once)
 * @param apology      after how many rings the caller is owed an apology
 */
public record RingPolicy(AnswerRule answer, int answerAtRing, ApologyRule apology) {

    public RingPolicy {
        if (!answer.within().ringLength().equals(apology.after().ringLength())) {
            throw new IllegalArgumentException("the answer and apology rules count the same caller's rings");
        }
        if (answerAtRing < 1 || answerAtRing > answer.within().count()) {
            throw new IllegalArgumentException("answer ring must be between 1 and the limit of " + answer.within().count());
        }
        if (apology.after().count() < answer.within().count()) {
            throw new IllegalArgumentException("the apology threshold cannot be below the answer limit");
        }
    }

    /**
     * @param ringLength        length of one ring (country dependent: CN/DE 5 s cadence, US 6 s; the handbook says ~3 s)
     * @param withinRings       the caller's answer rule: answered by the end of this ring
     * @param apologyAfterRings a caller who waited past this many rings hears an apology first
     */
    public RingPolicy(Duration ringLength, int answerAtRing, int withinRings, int apologyAfterRings) {
        this(new AnswerRule(new Rings(withinRings, ringLength)), answerAtRing,
                new ApologyRule(new Rings(apologyAfterRings, ringLength)));
    }

    /** The handbook's: 3 s rings, answer at once, within 3 rings, apology after 5. */
    public static RingPolicy handbook() {
        return new RingPolicy(AnswerRule.handbook(), 1, ApologyRule.handbook());
    }

    /** The length of one ring. */
    public Duration ringLength() {
        return answer.within().ringLength();
    }

    /** The moment the hotline intends to answer a call that arrived at {@code arrival}. */
    public Instant plannedAnswer(Instant arrival) {
        return arrival.plus(ringLength().multipliedBy(answerAtRing - 1L));
    }

    /** What the caller experienced between arrival and answer, measured against the answer and apology rules. */
    public AnswerMeasure measure(Instant arrival, Instant answer) {
        Duration wait = Duration.between(arrival, answer);
        if (wait.isNegative()) {
            wait = Duration.ZERO; // clocks of two sources can differ by a hair; never report a negative wait
        }
        long ringNanos = ringLength().toNanos();
        long ring = Math.max(1, (wait.toNanos() + ringNanos - 1) / ringNanos);
        return new AnswerMeasure(wait, (int) Math.min(ring, Integer.MAX_VALUE), this.answer.kept(wait), apology.due(wait));
    }
}
