package org.hotline.http.calls;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.shared.CallId;
import org.hotline.store.CallRecord;
import org.hotline.store.CallRecords;
import org.hotline.shared.PageCursor;

/**
 * {@code GET /api/calls?from=&to=&limit=&after=}: call records that arrived in {@code [from, to)},
 * oldest first, a page at a time; {@code GET /api/calls/{id}}: one record. The range is bounded
 * so that no request scans the whole history.
 */
public final class CallsResource implements Resource {

    static final Duration DEFAULT_SPAN = Duration.ofHours(24);
    static final Duration MAX_SPAN = Duration.ofDays(31);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final Vertx vertx;
    private final CallRecords records;
    private final Clock clock;

    public CallsResource(Vertx vertx, CallRecords records, Clock clock) {
        this.vertx = vertx;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/calls").handler(this::list);
        router.get("/api/calls/:id").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        Instant to;
        Instant from;
        int limit;
        PageCursor after;
        try {
            to = instant(ctx, "to", clock.instant());
            from = instant(ctx, "from", to.minus(DEFAULT_SPAN));
            if (!from.isBefore(to)) {
                throw ApiError.badParameter("from", "must be before 'to'");
            }
            if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
                throw ApiError.badParameter("to", "the range may span at most " + MAX_SPAN.toDays() + " days");
            }
            limit = limit(ctx);
            after = cursor(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> records.page(from, to, limit, after), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "call records unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            JsonArray calls = new JsonArray();
            done.result().calls().forEach(call -> calls.add(CallJson.of(call.asStored())));
            PageCursor next = done.result().next();
            Responses.json(ctx, 200, new JsonObject()
                    .put("from", from.toString())
                    .put("to", to.toString())
                    .put("count", calls.size())
                    .put("calls", calls)
                    .put("next", next == null ? null : next.encode()));
        });
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!CallId.isValid(id)) {
            ApiError.badParameter("id", "not a call id").send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> records.find(new CallId(id)), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "call records unavailable: " + done.cause().getMessage()).send(ctx.response());
            } else if (done.result().isEmpty()) {
                new ApiError(404, "no call " + id).send(ctx.response());
            } else if (!answeredByViewer(ctx, done.result().get())) {
                new ApiError(403, "an agent may read only the calls they answered").send(ctx.response());
            } else {
                Responses.json(ctx, 200, CallJson.of(done.result().get().asStored()));
            }
        });
    }

    /** Supervisors read every call; an agent only those they answered. */
    private static boolean answeredByViewer(RoutingContext ctx, CallRecord call) {
        return Viewers.onlyAgent(ctx).map(agent -> agent.value().equals(call.agent())).orElse(true);
    }

    public static Instant instant(RoutingContext ctx, String name, Instant fallback) {
        String text = ctx.queryParams().get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (text.length() > 40) {
            throw ApiError.badParameter(name, "not a date-time");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter(name, "expected an ISO-8601 date-time with offset, e.g. 2026-11-22T09:00:00+08:00");
        }
    }

    private static int limit(RoutingContext ctx) {
        String text = ctx.queryParams().get("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
            throw ApiError.badParameter("limit", "a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    private static PageCursor cursor(RoutingContext ctx) {
        String text = ctx.queryParams().get("after");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PageCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("after", "not a cursor from a previous page");
        }
    }
}
