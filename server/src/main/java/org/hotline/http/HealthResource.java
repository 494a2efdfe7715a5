package org.hotline.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/health}: each part the hotline needs (AMI, AGI, MongoDB), up or down.
 * 200 when all are up, 503 otherwise, so a load balancer or monitor can act on the status alone.
 */
final class HealthResource {

    private final Vertx vertx;
    private final Map<String, BooleanSupplier> checks;

    HealthResource(Vertx vertx, Map<String, BooleanSupplier> checks) {
        this.vertx = vertx;
        this.checks = new LinkedHashMap<>(checks);
    }

    void mount(Router router) {
        router.get("/api/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        // Checks may do I/O (a MongoDB ping): never on the event loop.
        vertx.executeBlocking(() -> {
            Map<String, Boolean> results = new LinkedHashMap<>();
            checks.forEach((name, check) -> {
                boolean up;
                try {
                    up = check.getAsBoolean();
                } catch (RuntimeException e) {
                    up = false;
                }
                results.put(name, up);
            });
            return results;
        }, false).onComplete(done -> {
            JsonObject body = new JsonObject();
            boolean allUp = done.succeeded();
            if (done.succeeded()) {
                for (Map.Entry<String, Boolean> result : done.result().entrySet()) {
                    body.put(result.getKey(), new JsonObject().put("status", result.getValue() ? "up" : "down"));
                    allUp &= result.getValue();
                }
            }
            body.put("status", allUp ? "up" : "down");
            Responses.json(ctx, allUp ? 200 : 503, body);
        });
    }
}
