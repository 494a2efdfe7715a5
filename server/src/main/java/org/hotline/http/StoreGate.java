package org.hotline.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * While the store is known to be away, what cannot work without it (records, reports, cases,
 * campaigns, customers, users, the audit log) is answered 503 at once, naming the store, instead
 * of waiting for MongoDB's time-out. The floor (agents, queues, live) works on, and so do logins
 * and sessions (see docs/access.md, "Sessions").
 */
final class StoreGate {

    private static final List<String> NEEDS_THE_STORE = List.of("/api/calls", "/api/reports", "/api/cases",
            "/api/campaigns", "/api/customers", "/api/do-not-call", "/api/users", "/api/audit");

    private final DegradedPart store;

    StoreGate(DegradedPart store) {
        this.store = store;
    }

    void mount(Router router) {
        router.route("/api/*").order(-1000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (needsTheStore(ctx) && !store.getAsBoolean()) {
            ctx.response().putHeader("Retry-After", "10");
            new ApiError(503, "unavailable while the store (MongoDB) is unreachable; try again shortly").send(ctx.response());
            return;
        }
        ctx.next();
    }

    private static boolean needsTheStore(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        for (String prefix : NEEDS_THE_STORE) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
