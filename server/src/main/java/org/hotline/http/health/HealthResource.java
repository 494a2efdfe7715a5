package org.hotline.http.health;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline.http.DegradedPart;
import org.hotline.http.Resource;
import org.hotline.http.Responses;

/**
 * {@code GET /api/health}: each part the hotline needs (AMI, AGI, MongoDB), up or down.
 * 200 when all are up, 503 otherwise, so a load balancer or monitor can act on the status alone;
 * a {@link DegradedPart} down (the store) makes it {@code degraded} with 200 and the problem named:
 * calls are still answered.
 */
public final class HealthResource implements Resource {

    private final Vertx vertx;
    private final Map<String, BooleanSupplier> checks;

    public HealthResource(Vertx vertx, Map<String, BooleanSupplier> checks) {
        this.vertx = vertx;
        this.checks = new LinkedHashMap<>(checks);
    }

    @Override
    public void mount(Router router) {
        router.get("/api/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        // Checks may do I/O (a MongoDB ping): never on the event loop.
        vertx.executeBlocking(() -> {
            JsonObject body = new JsonObject();
            boolean down = false;
            boolean degraded = false;
            for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
                boolean up;
                try {
                    up = check.getValue().getAsBoolean();
                } catch (RuntimeException e) {
                    up = false;
                }
                JsonObject part = new JsonObject().put("status", up ? "up" : "down");
                if (check.getValue() instanceof DegradedPart described) {
                    described.details().forEach(part::put);
                }
                if (!up && check.getValue() instanceof DegradedPart degradable) {
                    part.put("problem", degradable.problem());
                    degraded = true;
                } else {
                    down |= !up;
                }
                body.put(check.getKey(), part);
            }
            return body.put("status", down ? "down" : degraded ? "degraded" : "up");
        }, false).onComplete(done -> {
            if (done.failed()) {
                Responses.json(ctx, 503, new JsonObject().put("status", "down"));
                return;
            }
            Responses.json(ctx, "down".equals(done.result().getString("status")) ? 503 : 200, done.result());
        });
    }
}
