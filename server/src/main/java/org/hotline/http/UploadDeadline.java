package org.hotline.http;

import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of a multipart upload's body handler. A form with no usable boundary is a 400 at
 * once (the multipart decoder would fail with a 500). A form whose bytes stop coming before it is
 * complete (no closing boundary, or a client gone quiet) is never finished by the decoder: once
 * nothing has arrived for {@link #QUIET} and the resource has not got the form, it is answered 400,
 * its connection closed, and its partial files deleted.
 */
public final class UploadDeadline implements PlatformHandler { // a deadline, as Vert.x's TimeoutHandler: before the body handler

    /** Long enough for a slow link's gaps, short enough that a broken upload is answered while the client waits. */
    static final Duration QUIET = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(UploadDeadline.class);
    private static final String RECEIVED = UploadDeadline.class.getName() + ".received";
    /** RFC 2046: 1 to 70 characters of a restricted set, quoted or not. */
    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=(\"?)([0-9A-Za-z'()+_,./:=? -]{0,70}?)\\1\\s*(;|$)",
            Pattern.CASE_INSENSITIVE);

    private final Duration quiet;

    public UploadDeadline() {
        this(QUIET);
    }

    public UploadDeadline(Duration quiet) {
        this.quiet = quiet;
    }

    /** Called by the resource when the form has arrived whole: from then on it answers. */
    public static void received(RoutingContext ctx) {
        ctx.put(RECEIVED, Boolean.TRUE);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String problem = boundaryProblem(ctx.request().getHeader("content-type"));
        if (problem != null) {
            ctx.response().putHeader("connection", "close");
            ApiError.badParameter("content-type", problem).send(ctx.response());
            return;
        }
        long[] last = {-1, System.nanoTime()}; // bytes read, when they last changed
        long timer = ctx.vertx().setPeriodic(250, id -> {
            if (ctx.get(RECEIVED) != null || ctx.response().ended() || ctx.response().closed()) {
                ctx.vertx().cancelTimer(id);
                return;
            }
            long bytes = ctx.request().bytesRead();
            if (bytes != last[0]) {
                last[0] = bytes;
                last[1] = System.nanoTime();
            } else if (System.nanoTime() - last[1] >= quiet.toNanos()) {
                ctx.vertx().cancelTimer(id);
                abandon(ctx);
            }
        });
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
        ctx.next();
    }

    static String boundaryProblem(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data")) {
            return "expected multipart/form-data with the campaign and the contacts file";
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find() || boundary.group(2).isEmpty() || boundary.group(2).endsWith(" ")) {
            return "multipart/form-data needs a boundary of 1 to 70 characters (boundary=...)";
        }
        return null;
    }

    private void abandon(RoutingContext ctx) {
        ctx.response().putHeader("connection", "close");
        ApiError.badParameter("contacts", "the upload is incomplete (no closing multipart boundary, or nothing more arrived for "
                + quiet.toSeconds() + " s)").send(ctx.response());
        // the connection goes with it, which ends the decoder's writing; then what it wrote is deleted
        ctx.vertx().setTimer(100, closing -> {
            ctx.request().connection().close();
            ctx.vertx().setTimer(200, deleting -> ctx.fileUploads().forEach(upload -> {
                String file = upload.uploadedFileName();
                ctx.vertx().fileSystem().exists(file)
                        .compose(exists -> exists ? ctx.vertx().fileSystem().delete(file) : io.vertx.core.Future.succeededFuture())
                        .onFailure(e -> LOG.warn("partial upload {} not deleted: {}", file, e.toString()));
            }));
        });
    }
}
