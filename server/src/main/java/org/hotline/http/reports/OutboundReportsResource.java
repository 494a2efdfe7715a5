package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.report.OutboundFigures;
import org.hotline.report.ReportPeriod;
import org.hotline.store.OutboundReports;

/**
 * {@code GET /api/reports/outbound?period=…} (the same period parameters as every report):
 * campaign attempts by outcome, and the contacts reached within their deadline.
 */
final class OutboundReportsResource {

    private final Vertx vertx;
    private final OutboundReports outbound;
    private final ReportQuery query;

    OutboundReportsResource(Vertx vertx, OutboundReports outbound, ReportQuery query) {
        this.vertx = vertx;
        this.outbound = outbound;
        this.query = query;
    }

    void mount(Router router) {
        router.get("/api/reports/outbound").handler(this::figures);
    }

    private void figures(RoutingContext ctx) {
        ReportPeriod period;
        try {
            period = query.period(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> outbound.figures(period.from(), period.to()), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            OutboundFigures figures = done.result();
            JsonObject attempts = new JsonObject();
            figures.attemptsByOutcome().forEach(attempts::put);
            Responses.json(ctx, 200, new JsonObject()
                    .put("from", period.from().toString())
                    .put("to", period.to().toString())
                    .put("timeZone", query.zone().getId())
                    .put("attempts", figures.attempts())
                    .put("attemptsByOutcome", attempts)
                    .put("reachedWithinDeadline", FiguresJson.ratio(figures.reachedWithinDeadline())));
        });
    }
}
