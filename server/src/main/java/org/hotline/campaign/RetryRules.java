package org.hotline.campaign;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How often, and how long after each kind of failed try, a contact is tried again.
 *
 * @param maxAttempts  attempts at the customer at most (ones the agent missed do not count)
 * @param waitAfter how long after a try ending this way the next one may start
 */
public record RetryRules(int maxAttempts, Map<AttemptOutcome, Duration> waitAfter) {

    public static final int MOST_ATTEMPTS = 10;

    public RetryRules {
        if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("maximum attempts must be 1 to " + MOST_ATTEMPTS + " (got " + maxAttempts + ")");
        }
        Map<AttemptOutcome, Duration> all = new EnumMap<>(defaults());
        all.putAll(waitAfter);
        for (Map.Entry<AttemptOutcome, Duration> wait : all.entrySet()) {
            if (wait.getValue().isNegative() || wait.getValue().compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("retry delay after " + wait.getKey().name().toLowerCase()
                        + " must be 0 to 7 days (got " + wait.getValue() + ")");
            }
        }
        waitAfter = Map.copyOf(all);
    }

    /** Three tries; a busy line soon again, no answer later, a difficult customer another day part. */
    public static RetryRules standard() {
        return new RetryRules(3, Map.of());
    }

    private static Map<AttemptOutcome, Duration> defaults() {
        Map<AttemptOutcome, Duration> waits = new EnumMap<>(AttemptOutcome.class);
        waits.put(AttemptOutcome.BUSY, Duration.ofMinutes(10));
        waits.put(AttemptOutcome.NO_ANSWER, Duration.ofMinutes(30));
        waits.put(AttemptOutcome.FAILED, Duration.ofHours(1));
        waits.put(AttemptOutcome.ANSWERING_MACHINE, Duration.ofHours(2));
        waits.put(AttemptOutcome.DIFFICULT_CUSTOMER, Duration.ofHours(4));
        waits.put(AttemptOutcome.AGENT_NO_ANSWER, Duration.ofSeconds(30));
        waits.put(AttemptOutcome.AGENT_DECLINED, Duration.ofMinutes(5));
        waits.put(AttemptOutcome.INTERRUPTED, Duration.ofMinutes(10));
        waits.put(AttemptOutcome.NEVER_DIALLED, Duration.ZERO);
        waits.put(AttemptOutcome.REACHED, Duration.ZERO);
        return waits;
    }

    public Duration waitAfter(AttemptOutcome outcome) {
        return waitAfter.get(outcome);
    }
}
