package org.hotline.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a WAV file Asterisk recorded, whole or the byte range asked for ({@code Range: bytes=}),
 * as audio players ask for it.
 */
public final class AudioFile {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private AudioFile() {
    }

    /** @param size the file's size, read with the path (off the event loop) */
    public static void send(RoutingContext ctx, Path path, long size) {
        if (ctx.response().closed()) {
            return; // a player that went on to another range while the file was looked up
        }
        var response = ctx.response().putHeader("content-type", "audio/wav").putHeader("accept-ranges", "bytes")
                .putHeader("cache-control", "no-store");
        String range = ctx.request().getHeader("range");
        Matcher asked = range == null ? null : RANGE.matcher(range.strip());
        if (asked == null || !asked.matches() || (asked.group(1).isEmpty() && asked.group(2).isEmpty())) {
            response.sendFile(path.toString());
            return;
        }
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
                .sendFile(path.toString(), first, last - first + 1);
    }

    /** The file's size, or -1 when it is gone (blocking). */
    public static long size(Path path) {
        try {
            return java.nio.file.Files.size(path);
        } catch (java.io.IOException gone) {
            return -1;
        }
    }
}
