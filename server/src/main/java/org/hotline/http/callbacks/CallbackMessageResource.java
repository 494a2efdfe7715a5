package org.hotline.http.callbacks;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.hotline.http.ApiError;
import org.hotline.http.AudioFile;
import org.hotline.shared.CallId;
import org.hotline.telephony.MessageFiles;

/**
 * {@code GET /api/callbacks/:id/message}: the message the caller of call {@code id} left, as a WAV
 * file, whole or a byte range of it (what an audio player asks for). The file is found by the call
 * id alone, checked first; nothing else from the request comes near a path. A message deleted after
 * its retention answers 404 saying so.
 */
public final class CallbackMessageResource implements org.hotline.http.Resource {

    private final Vertx vertx;
    private final MessageFiles files;
    private final Function<CallId, Optional<Instant>> deletedAt;

    /** @param deletedAt when a call's message was deleted after its retention, if it was (blocking: the store) */
    public CallbackMessageResource(Vertx vertx, MessageFiles files, Function<CallId, Optional<Instant>> deletedAt) {
        this.vertx = vertx;
        this.files = files;
        this.deletedAt = deletedAt;
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
        vertx.executeBlocking(() -> files.pathOf(files.fileOf(call)).map(path -> new Found(path, AudioFile.size(path), null))
                        .orElseGet(() -> new Found(null, -1, deletedAt.apply(call).orElse(null))))
                .onComplete(done -> {
                    if (done.failed()) {
                        new ApiError(500, "could not read the message").send(ctx.response());
                    } else if (done.result().deleted() != null) {
                        new ApiError(404, "the message was deleted at " + done.result().deleted() + ", past its retention")
                                .send(ctx.response());
                    } else if (done.result().size() < 0) {
                        new ApiError(404, "no message for this call").send(ctx.response());
                    } else {
                        send(ctx, done.result());
                    }
                });
    }

    /** The file and its size (negative: not there), or when it was deleted. */
    private record Found(Path path, long size, Instant deleted) {
    }

    private static void send(RoutingContext ctx, Found found) {
        AudioFile.send(ctx, found.path(), found.size());
    }
}
