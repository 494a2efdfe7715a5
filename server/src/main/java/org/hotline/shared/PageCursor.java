package org.hotline.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of call records ended: the last call's arrival and id. Paging by these values
 * rather than by an offset keeps pages stable while new calls are recorded. Encoded, it is an
 * opaque URL-safe token that clients hand back unchanged.
 *
 * @param arrivalAt the last call's arrival, in milliseconds as stored
 * @param id        the last call's id
 */
public record PageCursor(Instant arrivalAt, String id) {

    /** Far above any real cursor ("-9223372036854775808:" plus a 64-character id, encoded). */
    private static final int MAX_ENCODED = 120;
    private static final Pattern PLAIN = Pattern.compile("(-?[0-9]{1,19}):(.+)");

    public PageCursor {
        Objects.requireNonNull(arrivalAt, "arrivalAt");
        if (!CallId.isValid(id)) {
            throw new IllegalArgumentException("not a call id in a page cursor");
        }
        arrivalAt = arrivalAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public String encode() {
        String plain = arrivalAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException for anything that {@link #encode()} did not make */
    public static PageCursor decode(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_ENCODED) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        // non-ASCII bytes decode to U+FFFD, which neither the number nor the id accepts
        Matcher plain = PLAIN.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (!plain.matches() || !CallId.isValid(plain.group(2))) {
            throw malformed();
        }
        try {
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(plain.group(1))), plain.group(2));
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        // the token is the client's text: not echoed back
        return new IllegalArgumentException("malformed page cursor");
    }
}
