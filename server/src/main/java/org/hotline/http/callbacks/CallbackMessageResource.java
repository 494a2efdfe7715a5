package org.hotline.http.callbacks;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Optional;
import org.hotline.http.ApiError;
import org.hotline.http.AudioFile;
import org.hotline.shared.CallId;
import org.hotline.telephony.MessageFiles;

/**
 * {@code GET /api/callbacks/:id/message}: the message the caller of call {@code id} left, as a WAV
 * file, whole or a byte range of it (what an audio player asks for). The file is found by the call
 * id alone, checked first; nothing else from the request comes near a path.
 */
public final class CallbackMessageResource implements org.hotline.http.Resource {

    private final Vertx vertx;
    private final MessageFiles files;

    public CallbackMessageResource(Vertx vertx, MessageFiles files) {
        this.vertx = vertx;
        this.files = files;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/callbacks/:id/message").handler(this::send);
    }

    private void send(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!CallId.isValid(id)) {
            ApiError.badParameter("id", "not a call id").send(ctx.response());
            return;
        }
        CallId call = new CallId(id);
        vertx.executeBlocking(() -> files.pathOf(files.fileOf(call)).map(path -> new Found(path, AudioFile.size(path))))
                .onComplete(done -> {
                    Optional<Found> found = done.succeeded() ? done.result() : Optional.empty();
                    if (done.failed()) {
                        new ApiError(500, "could not read the message").send(ctx.response());
                    } else if (found.isEmpty() || found.get().size() < 0) {
                        new ApiError(404, "no message for this call").send(ctx.response());
                    } else {
                        send(ctx, found.get());
                    }
                });
    }

    private record Found(Path path, long size) {
    }

    private static void send(RoutingContext ctx, Found found) {
        AudioFile.send(ctx, found.path(), found.size());
    }
}
