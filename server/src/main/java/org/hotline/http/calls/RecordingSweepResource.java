package org.hotline.http.calls;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;

/**
 * {@code POST /api/recordings/sweep}: deletes the recordings past their retention now, as the timer
 * does ({@code recordings.sweepMinutes}); for an admin who will not wait for it.
 */
public final class RecordingSweepResource implements Resource {

    private final Vertx vertx;
    /** One sweep, returning how many recordings it deleted (blocking). */
    private final Callable<Integer> sweep;

    public RecordingSweepResource(Vertx vertx, Callable<Integer> sweep) {
        this.vertx = vertx;
        this.sweep = sweep;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/recordings/sweep").handler(this::sweep);
    }

    private void sweep(RoutingContext ctx) {
        vertx.executeBlocking(sweep, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "recordings not swept: " + done.cause().getMessage()).send(ctx.response());
            } else {
                Responses.json(ctx, 200, new JsonObject().put("deleted", done.result()));
            }
        });
    }
}
