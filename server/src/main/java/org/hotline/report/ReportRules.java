package org.hotline.report;

import java.time.Duration;

/**
 * The thresholds the reports measure against.
 *
 * @param serviceLevel  the service-level threshold T (answered within T); peers use 20 s
 * @param shortAbandon  a caller who hangs up within this time of joining the queue is a short abandon,
 *                      left out of the abandonment rate (they had no real chance to be served); at most
 *                      T, so every short abandon is within T (the service level relies on it)
 * @param talkTarget    the handbook's aim for a call's length (3 minutes)
 * @param talkLimit     the handbook's limit (never over 5 minutes)
 * @param agentRings    how long an agent's phone may ring (three rings)
 * @param apologyAfter  a caller kept waiting this long for a person is owed an apology (five rings)
 */
public record ReportRules(Duration serviceLevel, Duration shortAbandon, Duration talkTarget, Duration talkLimit,
                          Duration agentRings, Duration apologyAfter) {

    public ReportRules {
        if (serviceLevel.isNegative() || shortAbandon.isNegative() || !talkLimit.minus(talkTarget).isPositive()
                || !agentRings.isPositive() || !apologyAfter.isPositive()) {
            throw new IllegalArgumentException("report thresholds must be positive, and the talk limit above the target");
        }
        if (shortAbandon.compareTo(serviceLevel) > 0) {
            throw new IllegalArgumentException("the short-abandon time must not exceed the service-level threshold T");
        }
    }

    public static ReportRules handbook() {
        return new ReportRules(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMinutes(3), Duration.ofMinutes(5),
                Duration.ofSeconds(9), Duration.ofSeconds(15));
    }
}
