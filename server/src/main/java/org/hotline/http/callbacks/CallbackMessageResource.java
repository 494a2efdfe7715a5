package org.hotline.http.callbacks;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.http.ApiError;
import org.hotline.shared.CallId;
import org.hotline.telephony.MessageFiles;

/**
 * {@code GET /api/callbacks/:id/message}: the message the caller of call {@code id} left, as a WAV
 * file, whole or a byte range of it (what an audio player asks for). The file is found by the call
 * id alone, checked first; nothing else from the request comes near a path.
 */
public final class CallbackMessageResource implements org.hotline.http.Resource {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

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
        vertx.executeBlocking(() -> files.pathOf(files.fileOf(call)).map(path -> new Found(path, size(path))))
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
        if (ctx.response().closed()) {
            return; // a player that went on to another range while the file was looked up
        }
        var response = ctx.response().putHeader("content-type", "audio/wav").putHeader("accept-ranges", "bytes")
                .putHeader("cache-control", "no-store");
        String range = ctx.request().getHeader("range");
        Matcher asked = range == null ? null : RANGE.matcher(range.strip());
        if (asked == null || !asked.matches() || (asked.group(1).isEmpty() && asked.group(2).isEmpty())) {
            response.sendFile(found.path().toString());
            return;
        }
        long size = found.size();
        long first;
        long last;
        if (asked.group(1).isEmpty()) { // the last N bytes
            first = Math.max(0, size - Long.parseLong(asked.group(2)));
            last = size - 1;
        } else {
            first = Long.parseLong(asked.group(1));
            last = asked.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(asked.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            response.setStatusCode(416).putHeader("content-range", "bytes */" + size).end();
            return;
        }
        response.setStatusCode(206).putHeader("content-range", "bytes " + first + "-" + last + "/" + size)
                .sendFile(found.path().toString(), first, last - first + 1);
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (java.io.IOException gone) {
            return -1;
        }
    }
}
