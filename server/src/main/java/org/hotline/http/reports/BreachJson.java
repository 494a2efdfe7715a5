package org.hotline.http.reports;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.hotline.report.CallFacts;
import org.hotline.report.ComplianceRule;

/** One call that broke a rule, with the timestamps that show it. */
final class BreachJson {

    private BreachJson() {
    }

    static JsonObject of(ComplianceRule.Breach breach) {
        CallFacts call = breach.call();
        return new JsonObject()
                .put("call", call.id())
                .put("rule", breach.rule().id())
                .put("measuredSeconds", breach.measured().toMillis() / 1000.0)
                .put("arrivalAt", text(call.arrivalAt()))
                .put("queue", call.queue())
                .put("agent", call.agent())
                .put("systemAnsweredAt", text(call.systemAnsweredAt()))
                .put("apologyPlayedAt", text(call.apologyPlayedAt()))
                .put("enqueuedAt", text(call.enqueuedAt()))
                .put("agentAnsweredAt", text(call.agentAnsweredAt()))
                .put("talkEndedAt", text(call.talkEndedAt()))
                .put("abandonedAt", text(call.abandonedAt()))
                .put("callbackRequestedAt", text(call.callbackRequestedAt()))
                .put("callbackDeadline", text(call.callbackDeadline()))
                .put("callbackReachedAt", text(call.callbackReachedAt()))
                .put("surveyScore", call.surveyScore());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
