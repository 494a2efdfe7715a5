package org.hotline.shared;

import java.util.regex.Pattern;

/** Asterisk's unique id of the caller's channel; the call record's key. */
public record CallId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public CallId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a call id: " + Printable.of(value));
        }
    }

    /** Whether {@code value} has the shape of a call id, without throwing. */
    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
