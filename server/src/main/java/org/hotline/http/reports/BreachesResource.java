package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.report.ComplianceRule;
import org.hotline.report.ReportPeriod;
import org.hotline.reporting.BreachFinder;
import org.hotline.shared.PageCursor;

/**
 * {@code GET /api/reports/breaches?rule=three-rings&…}: the calls of a period that broke a rule, a
 * page at a time ({@code limit}, {@code after}); period and narrowing as in {@link ReportQuery}.
 */
final class BreachesResource {

    private final Vertx vertx;
    private final BreachFinder breaches;
    private final ReportQuery query;

    BreachesResource(Vertx vertx, BreachFinder breaches, ReportQuery query) {
        this.vertx = vertx;
        this.breaches = breaches;
        this.query = query;
    }

    void mount(Router router) {
        router.get("/api/reports/breaches").handler(this::breaches);
    }

    private void breaches(RoutingContext ctx) {
        ComplianceRule rule;
        ReportPeriod period;
        Optional<String> queue;
        Optional<String> agent;
        int limit;
        PageCursor after;
        boolean csv;
        try {
            rule = ReportQuery.param(ctx, "rule").flatMap(ComplianceRule::byId).orElseThrow(() -> ApiError.badParameter("rule",
                    "one of " + String.join(", ", java.util.Arrays.stream(ComplianceRule.values()).map(ComplianceRule::id).toList())));
            period = query.period(ctx);
            queue = query.queue(ctx);
            agent = query.agent(ctx);
            csv = ReportQuery.csv(ctx);
            limit = ReportQuery.limit(ctx);
            after = ReportQuery.after(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> breaches.find(rule, period.from(), period.to(), queue, agent, limit, after), false)
                .onComplete(done -> {
                    if (done.failed()) {
                        new ApiError(503, "call records unavailable: " + done.cause().getMessage()).send(ctx.response());
                        return;
                    }
                    JsonArray calls = new JsonArray();
                    done.result().breaches().forEach(breach -> calls.add(BreachJson.of(breach)));
                    if (csv) {
                        CsvTable table = new CsvTable();
                        calls.forEach(call -> table.add((JsonObject) call));
                        table.send(ctx.response(), rule.id() + "-" + period.from() + ".csv");
                        return;
                    }
                    PageCursor next = done.result().next();
                    Responses.json(ctx, 200, new JsonObject()
                            .put("rule", rule.id())
                            .put("from", period.from().toString())
                            .put("to", period.to().toString())
                            .put("count", calls.size())
                            .put("calls", calls)
                            .put("read", done.result().read())
                            .put("next", next == null ? null : next.encode()));
                });
    }
}
