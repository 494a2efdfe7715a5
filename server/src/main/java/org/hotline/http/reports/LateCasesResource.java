package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.hotline.cases.Case;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.report.ReportPeriod;
import org.hotline.store.CaseReports;
import org.hotline.shared.PageCursor;

/**
 * {@code GET /api/reports/late-cases?period=…&agent=}: the drill-down behind the cases' figure,
 * the cases due in the period whose customer was answered late, or not yet and past the deadline,
 * by deadline, a page at a time ({@code limit}, {@code after}). Cases have no queue: {@code queue}
 * is refused.
 */
final class LateCasesResource {

    private final Vertx vertx;
    private final CaseReports cases;
    private final ReportQuery query;

    LateCasesResource(Vertx vertx, CaseReports cases, ReportQuery query) {
        this.vertx = vertx;
        this.cases = cases;
        this.query = query;
    }

    void mount(Router router) {
        router.get("/api/reports/late-cases").handler(this::late);
    }

    private void late(RoutingContext ctx) {
        ReportPeriod period;
        Optional<String> owner;
        int limit;
        PageCursor after;
        boolean csv;
        try {
            if (ReportQuery.param(ctx, "queue").isPresent()) {
                throw ApiError.badParameter("queue", "cases have no queue (narrow by agent)");
            }
            period = query.period(ctx);
            owner = query.agent(ctx);
            csv = ReportQuery.csv(ctx);
            limit = ReportQuery.limit(ctx);
            after = ReportQuery.after(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> cases.late(period, owner, limit, after), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "case file unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            JsonArray late = new JsonArray();
            done.result().cases().forEach(c -> late.add(json(c)));
            if (csv) {
                CsvTable table = new CsvTable();
                late.forEach(row -> table.add((JsonObject) row));
                table.send(ctx.response(), "late-cases-" + period.from() + ".csv");
                return;
            }
            PageCursor next = done.result().next();
            Responses.json(ctx, 200, new JsonObject()
                    .put("from", period.from().toString())
                    .put("to", period.to().toString())
                    .put("count", late.size())
                    .put("cases", late)
                    .put("next", next == null ? null : next.encode()));
        });
    }

    private static JsonObject json(CaseReports.LateCase lateCase) {
        Case c = lateCase.late();
        return new JsonObject()
                .put("case", c.id().value())
                .put("owner", c.owner().value())
                .put("customer", c.customer())
                .put("category", c.category())
                .put("severity", c.severity().id())
                .put("status", c.status().id())
                .put("openedAt", c.openedAt().toString())
                .put("solutionReadyAt", c.solutionReadyAt() == null ? null : c.solutionReadyAt().toString())
                .put("deadline", c.deadline().toString())
                .put("repliedAt", c.repliedAt() == null ? null : c.repliedAt().toString())
                .put("lateSeconds", lateCase.lateBy().toMillis() / 1000.0);
    }
}
