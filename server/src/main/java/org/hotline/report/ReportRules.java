package org.hotline.report;

import java.time.Duration;
import java.util.Objects;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.ApologyRule;
import org.hotline.shared.TalkTimeRule;

/**
 * What the reports measure against: the handbook's rules with a clock, the same records the calls
 * are run by, and the reports' own two thresholds.
 *
 * @param serviceLevel  the service-level threshold T (answered within T); peers use 20 s
 * @param shortAbandon  a caller who hangs up within this time of joining the queue is a short abandon,
 *                      left out of the abandonment rate (they had no real chance to be served); at most
 *                      T, so every short abandon is within T (the service level relies on it)
 * @param answer        the caller's answer rule (three rings)
 * @param agentRing     the agent's ring rule (three rings, then the next agent)
 * @param apology       a caller kept waiting past five rings for a person is owed an apology
 * @param talkTime      the call-length aim (3 minutes) and limit (never over 5 minutes)
 */
public record ReportRules(Duration serviceLevel, Duration shortAbandon, AnswerRule answer, AgentRingRule agentRing,
                          ApologyRule apology, TalkTimeRule talkTime) {

    public ReportRules {
        if (serviceLevel.isNegative() || shortAbandon.isNegative()) {
            throw new IllegalArgumentException("report thresholds must not be negative");
        }
        if (shortAbandon.compareTo(serviceLevel) > 0) {
            throw new IllegalArgumentException("the short-abandon time must not exceed the service-level threshold T");
        }
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(agentRing, "agentRing");
        Objects.requireNonNull(apology, "apology");
        Objects.requireNonNull(talkTime, "talkTime");
    }

    /** T of 20 s, short abandons within 5 s, and the handbook's rules. */
    public static ReportRules handbook() {
        return new ReportRules(Duration.ofSeconds(20), Duration.ofSeconds(5), AnswerRule.handbook(), AgentRingRule.handbook(),
                ApologyRule.handbook(), TalkTimeRule.handbook());
    }
}
