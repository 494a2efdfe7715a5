package org.hotline.http.callbacks;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.hotline.floor.Floor;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.routing.OpenCallback;

/**
 * {@code GET /api/callbacks}: the callback requests still open — who asked, in which queue, by
 * when they are due, their place in line, how often the customer was tried and the message they
 * left, if any ({@link CallbackMessageResource} plays it).
 */
public final class CallbacksResource implements Resource {

    private final Floor floor;

    public CallbacksResource(Floor floor) {
        this.floor = floor;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/callbacks").handler(ctx -> floor.openCallbacks().onComplete(done -> {
            if (done.failed()) {
                new ApiError(500, "could not read the callback requests").send(ctx.response());
                return;
            }
            JsonArray open = new JsonArray();
            done.result().forEach(callback -> open.add(json(callback)));
            floor.refusedCallbacks().onComplete(refusedDone -> {
                JsonArray refused = new JsonArray();
                if (refusedDone.succeeded()) {
                    refusedDone.result().forEach(request -> refused.add(new JsonObject()
                            .put("call", request.id().value())
                            .put("number", request.number())
                            .put("queue", request.call().skill().name())
                            .put("requestedAt", request.requestedAt().toString())
                            .put("refusal", request.refusal())));
                }
                // Refused by the centre's dial rule (emergency, short code, premium…): recorded, never dialled.
                Responses.json(ctx, 200, new JsonObject().put("callbacks", open).put("refused", refused));
            });
        }));
    }

    private static JsonObject json(OpenCallback open) {
        return new JsonObject()
                .put("call", open.request().id().value())
                .put("number", open.request().number())
                .put("queue", open.request().call().skill().name())
                .put("requestedAt", open.request().requestedAt().toString())
                .put("deadline", open.request().deadline().toString())
                .put("customerDialled", open.request().attempts())
                .put("position", open.position())
                .put("dialling", open.dialling())
                .put("message", message(open.request().message()));
    }

    /** The message the caller left, if the request came from one: whether it has audio and how long it is. */
    private static JsonObject message(org.hotline.routing.CallerMessage message) {
        return message == null ? null
                : new JsonObject().put("audio", message.hasAudio()).put("lengthMs", message.length().toMillis());
    }
}
