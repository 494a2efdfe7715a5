package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.hotline.audit.AuditResult;
import org.hotline.audit.CallDifference;
import org.hotline.audit.FigureCheck;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.store.DayAudit;

/**
 * {@code GET /api/reports/audit?day=2026-12-06}: the day's report and call records checked against Asterisk's
 * channel event log (docs/audit.md). The audit reads a whole day's CEL and records: it runs off the event loop.
 */
final class ReportAuditResource {

    /** A bad day can differ on every call: the answer lists this many differences and says how many there are. */
    static final int DIFFERENCES_SHOWN = 1_000;

    private final Vertx vertx;
    private final Function<LocalDate, AuditResult> audit;

    ReportAuditResource(Vertx vertx, Function<LocalDate, AuditResult> audit) {
        this.vertx = vertx;
        this.audit = audit;
    }

    void mount(Router router) {
        router.get("/api/reports/audit").handler(this::audit);
    }

    private void audit(RoutingContext ctx) {
        LocalDate day;
        try {
            day = day(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> audit.apply(day), false).onComplete(done -> {
            if (done.failed()) {
                int status = done.cause() instanceof DayAudit.NoCelFile ? 409 : 503;
                new ApiError(status, "audit not made: " + done.cause().getMessage()).send(ctx.response());
            } else {
                Responses.json(ctx, 200, json(done.result()));
            }
        });
    }

    private static LocalDate day(RoutingContext ctx) {
        String text = ReportQuery.param(ctx, "day").orElseThrow(() -> ApiError.badParameter("day", "required, e.g. 2026-12-06"));
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter("day", "expected a date like 2026-12-06");
        }
    }

    static JsonObject json(AuditResult result) {
        JsonArray figures = new JsonArray();
        for (FigureCheck figure : result.figures()) {
            figures.add(new JsonObject().put("name", figure.name()).put("cel", figure.cel().text())
                    .put("report", figure.report() == null ? null : figure.report().text()).put("agrees", figure.agrees()));
        }
        JsonArray calls = new JsonArray();
        for (CallDifference difference : result.calls().subList(0, Math.min(DIFFERENCES_SHOWN, result.calls().size()))) {
            calls.add(new JsonObject().put("call", difference.callId()).put("what", difference.what())
                    .put("cel", difference.cel()).put("record", difference.record()));
        }
        return new JsonObject()
                .put("day", result.day().toString())
                .put("from", result.from().toString())
                .put("to", result.to().toString())
                .put("clean", result.clean())
                .put("celCalls", result.celCalls())
                .put("recordCalls", result.recordCalls())
                .put("skippedLines", result.skippedLines())
                .put("problems", new JsonArray(result.problems()))
                .put("figures", figures)
                .put("callDifferences", result.calls().size())
                .put("calls", calls);
    }
}
