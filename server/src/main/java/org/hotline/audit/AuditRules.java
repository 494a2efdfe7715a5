package org.hotline.audit;

import java.time.Duration;
import org.hotline.report.ReportRules;

/**
 * The thresholds the figures are counted against: the product's own settings, read from its configuration.
 *
 * @param threeRings   ring length × rings: the hotline's and an agent's answer limit (9 s)
 * @param serviceLevel T of the service level (20 s)
 * @param shortAbandon a caller gone this soon after joining is a short abandon (5 s)
 * @param talkTarget   conversations of at most this long keep the target (3 min)
 * @param talkLimit    conversations longer than this break the limit (5 min)
 */
public record AuditRules(Duration threeRings, Duration serviceLevel, Duration shortAbandon, Duration talkTarget,
                         Duration talkLimit) {

    public static AuditRules of(ReportRules rules) {
        return new AuditRules(rules.agentRings(), rules.serviceLevel(), rules.shortAbandon(), rules.talkTarget(),
                rules.talkLimit());
    }
}
