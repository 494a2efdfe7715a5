package org.hotline.audit;

import java.time.Duration;
import org.hotline.report.ReportRules;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.TalkTimeRule;

/**
 * The rules the figures are counted against: the product's own, the same records the reports use.
 *
 * @param answer       the caller's answer rule: the hotline answers within three rings (9 s)
 * @param agentRing    the agent's ring rule: an agent answers within three rings (9 s)
 * @param serviceLevel T of the service level (20 s)
 * @param shortAbandon a caller gone this soon after joining is a short abandon (5 s)
 * @param talkTime     conversations of at most the target keep it (3 min); longer than the limit break it (5 min)
 */
public record AuditRules(AnswerRule answer, AgentRingRule agentRing, Duration serviceLevel, Duration shortAbandon,
                         TalkTimeRule talkTime) {

    public static AuditRules of(ReportRules rules) {
        return new AuditRules(rules.answer(), rules.agentRing(), rules.serviceLevel(), rules.shortAbandon(), rules.talkTime());
    }
}
