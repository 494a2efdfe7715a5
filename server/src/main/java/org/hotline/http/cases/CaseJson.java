package org.hotline.http.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.hotline.cases.Case;
import org.hotline.cases.CaseEntry;
import org.hotline.cases.ReplyDeadline;
import org.hotline.shared.AgentId;

/** A case as the API shows it, with whether it is overdue or due soon at the time of asking. */
final class CaseJson {

    private CaseJson() {
    }

    static JsonObject of(Case c, ReplyDeadline deadlines, Instant now) {
        JsonArray history = new JsonArray();
        for (CaseEntry entry : c.history()) {
            history.add(new JsonObject().put("at", entry.at().toString()).put("change", entry.change().id())
                    .put("by", id(entry.by())).put("detail", entry.detail()));
        }
        return new JsonObject()
                .put("id", c.id().value())
                .put("status", c.status().id())
                .put("customer", c.customer())
                .put("category", c.category())
                .put("severity", c.severity().id())
                .put("owner", c.owner().value())
                .put("firstCall", c.firstCall() == null ? null : c.firstCall().value())
                .put("followUpOf", c.followUpOf() == null ? null : c.followUpOf().value())
                .put("when", c.particulars().when())
                .put("where", c.particulars().where())
                .put("who", c.particulars().who())
                .put("what", c.particulars().what())
                .put("how", c.particulars().how())
                .put("contactPhone", c.particulars().contactPhone())
                .put("openedAt", text(c.openedAt()))
                .put("solutionReadyAt", text(c.solutionReadyAt()))
                .put("repliedAt", text(c.repliedAt()))
                .put("closedAt", text(c.closedAt()))
                .put("deadline", text(c.deadline()))
                .put("repliedInTime", c.repliedAt() == null ? null : c.repliedInTime())
                .put("overdue", deadlines.overdue(c, now))
                .put("dueSoon", deadlines.dueSoon(c, now))
                .put("overdueAt", text(c.overdueAt()))
                .put("escalation", c.escalation() == null ? null : new JsonObject()
                        .put("to", id(c.escalation().to()))
                        .put("at", c.escalation().at().toString())
                        .put("reason", c.escalation().reason().id()))
                .put("history", history);
    }

    private static String id(AgentId agent) {
        return agent == null ? null : agent.value();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
