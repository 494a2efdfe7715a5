package org.hotline.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.Case;
import org.hotline.cases.CaseNotices;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;

/**
 * Cases on the live channel: {@code case-opened} and {@code case-overdue} for the owner,
 * {@code case-escalated} for the team lead (for everyone when the roster has none).
 */
final class LiveCaseNotices implements CaseNotices {

    private final LiveFeed live;

    LiveCaseNotices(LiveFeed live) {
        this.live = live;
    }

    @Override
    public void opened(Case opened) {
        live.publish(LiveEvent.forAgent("case-opened", opened.owner().value(), data(opened), opened.openedAt()));
    }

    @Override
    public void escalated(Case escalated) {
        Instant at = escalated.escalation().at();
        live.publish(escalated.escalation().to() == null
                ? LiveEvent.forEveryone("case-escalated", data(escalated), at)
                : LiveEvent.forAgent("case-escalated", escalated.escalation().to().value(), data(escalated), at));
    }

    @Override
    public void overdue(Case overdue) {
        live.publish(LiveEvent.forAgent("case-overdue", overdue.owner().value(), data(overdue), overdue.overdueAt()));
    }

    static Map<String, Object> data(Case c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("case", c.id().value());
        data.put("status", c.status().id());
        data.put("severity", c.severity().id());
        data.put("category", c.category());
        data.put("what", c.particulars().what());
        data.put("customer", c.customer());
        data.put("owner", c.owner().value());
        data.put("openedAt", c.openedAt().toString());
        data.put("deadline", c.deadline() == null ? null : c.deadline().toString());
        data.put("followUpOf", c.followUpOf() == null ? null : c.followUpOf().value());
        data.put("escalatedTo", c.escalation() == null || c.escalation().to() == null ? null : c.escalation().to().value());
        data.put("escalationReason", c.escalation() == null ? null : c.escalation().reason().id());
        return data;
    }
}
