package org.hotline.http.queues;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.hotline.floor.Floor;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;

/**
 * {@code GET /api/queues}: each queue now — how many calls wait and since when the longest has
 * waited. Wall boards read it once and then follow {@code queue-state} on the live channel, which
 * carries the same fields.
 */
public final class QueuesResource implements Resource {

    private final Floor floor;

    public QueuesResource(Floor floor) {
        this.floor = floor;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/queues").handler(ctx -> floor.queues().onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "the floor did not answer").send(ctx.response());
                return;
            }
            JsonArray queues = new JsonArray();
            done.result().forEach(line -> queues.add(new JsonObject()
                    .put("queue", line.queue().name())
                    .put("waiting", line.waiting())
                    .put("longestSince", line.longestSince() == null ? null : line.longestSince().toString())));
            Responses.json(ctx.response(), 200, new JsonObject().put("queues", queues));
        }));
    }
}
