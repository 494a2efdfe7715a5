package org.hotline.http.audit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hotline.access.AuditLog;
import org.hotline.access.User;
import org.hotline.http.ApiError;
import org.hotline.http.Responses;
import org.hotline.http.calls.CallsResource;

/**
 * {@code GET /api/audit[?from&to&user&limit]}: who viewed a customer file, exported data, launched or
 * stopped a campaign, changed users; logins and refusals. Newest first; the last 7 days by default.
 */
public final class AuditResource {

    private static final int MAX_LIMIT = 1000;

    private final Vertx vertx;
    private final AuditLog log;
    private final Clock clock;

    public AuditResource(Vertx vertx, AuditLog log, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/api/audit").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Instant to;
        Instant from;
        String user;
        int limit;
        try {
            to = CallsResource.instant(ctx, "to", clock.instant());
            from = CallsResource.instant(ctx, "from", to.minus(Duration.ofDays(7)));
            if (!from.isBefore(to)) {
                throw ApiError.badParameter("from", "must be before 'to'");
            }
            user = ctx.queryParams().get("user");
            if (user != null && !User.isValidName(user) && !user.equals("?")) {
                throw ApiError.badParameter("user", "not a user name");
            }
            String text = ctx.queryParams().get("limit");
            limit = text == null ? 200 : text.matches("\\d{1,4}") ? Integer.parseInt(text) : -1;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiError.badParameter("limit", "a whole number from 1 to " + MAX_LIMIT);
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> log.between(from, to, user, limit), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "audit log unavailable").send(ctx.response());
                return;
            }
            JsonArray entries = new JsonArray();
            done.result().forEach(entry -> entries.add(new JsonObject()
                    .put("at", entry.at().toString()).put("user", entry.user()).put("action", entry.action())
                    .put("target", entry.target()).put("detail", entry.detail())));
            Responses.json(ctx, 200, new JsonObject().put("from", from.toString()).put("to", to.toString()).put("entries", entries));
        });
    }
}
