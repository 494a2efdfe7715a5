package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.report.Figures;
import org.hotline.report.Measure;
import org.hotline.report.ReportKind;
import org.hotline.report.ReportSnapshot;
import org.hotline.store.StoredReports;

/**
 * {@code GET /api/reports/stored?kind=day|week|month}: the scheduled reports kept so far;
 * {@code GET /api/reports/stored/day-2026-11-22}: one of them, total and per queue and agent.
 */
final class StoredReportsResource {

    private final Vertx vertx;
    private final StoredReports stored;
    private final ReportQuery query;

    StoredReportsResource(Vertx vertx, StoredReports stored, ReportQuery query) {
        this.vertx = vertx;
        this.stored = stored;
        this.query = query;
    }

    void mount(Router router) {
        router.get("/api/reports/stored").handler(this::storedList);
        router.get("/api/reports/stored/:id").handler(this::storedOne);
    }

    private void storedList(RoutingContext ctx) {
        ReportKind kind;
        try {
            kind = ReportQuery.param(ctx, "kind").flatMap(text -> java.util.Arrays.stream(ReportKind.values())
                    .filter(k -> k.id().equals(text)).findFirst()).orElseThrow(() -> ApiError.badParameter("kind", "day, week or month"));
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> stored.list(kind, StoredReports.MAX_LIST), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            JsonArray reports = new JsonArray();
            done.result().forEach(report -> reports.add(new JsonObject().put("id", report.id())
                    .put("from", report.period().from().toString()).put("to", report.period().to().toString())
                    .put("madeAt", report.madeAt().toString()).put("calls", report.total().get(Measure.CALLS))));
            Responses.json(ctx, 200, new JsonObject().put("kind", kind.id()).put("reports", reports));
        });
    }

    private void storedOne(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        boolean csv;
        String language;
        try {
            if (id == null || !id.matches("(day|week)-\\d{4}-\\d{2}-\\d{2}|month-\\d{4}-\\d{2}")) {
                throw ApiError.badParameter("id", "a report name like day-2026-11-22, week-2026-11-16 or month-2026-11");
            }
            csv = ReportQuery.csv(ctx);
            language = ReportQuery.language(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> stored.find(id), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
            } else if (done.result().isEmpty()) {
                new ApiError(404, "no report " + id).send(ctx.response());
            } else {
                ReportSnapshot report = done.result().get();
                JsonArray rows = new JsonArray().add(new JsonObject().put("part", "total")
                        .put("figures", FiguresJson.of(Figures.of(report.total()))));
                new java.util.TreeMap<>(report.byQueue()).forEach((queue, tally) -> rows.add(new JsonObject()
                        .put("part", "queue " + queue).put("figures", FiguresJson.of(Figures.of(tally)))));
                new java.util.TreeMap<>(report.byAgent()).forEach((agent, tally) -> rows.add(new JsonObject()
                        .put("part", "agent " + agent).put("figures", FiguresJson.of(Figures.of(tally)))));
                if (csv) {
                    CsvTable table = new CsvTable();
                    rows.forEach(row -> table.add(FiguresCsv.row((JsonObject) row, language)));
                    table.send(ctx.response(), id + ".csv");
                    return;
                }
                Responses.json(ctx, 200, new JsonObject().put("id", report.id()).put("kind", report.kind().id())
                        .put("from", report.period().from().toString()).put("to", report.period().to().toString())
                        .put("timeZone", query.zone().getId()).put("madeAt", report.madeAt().toString()).put("rows", rows));
            }
        });
    }
}
