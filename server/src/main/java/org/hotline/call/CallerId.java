package org.hotline.call;

import org.hotline.shared.Printable;
import java.util.regex.Pattern;

/**
 * Who is calling, as the network presented it. Caller ids come from outside and may be empty,
 * odd or hostile: the number is kept only when it looks like a number, the name is kept as text
 * (any language) without control characters, and both are bounded in length.
 *
 * @param number the caller's number, or null when none or not a number
 * @param name   the caller's display name, or null when none
 * @param raw    the presented number exactly as received (bounded), for the record
 */
public record CallerId(String number, String name, String raw) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final int MAX_NAME = 80;
    private static final int MAX_RAW = 64;

    public static final CallerId UNKNOWN = new CallerId(null, null, null);

    public CallerId {
        if (number != null && !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("not a phone number: " + Printable.of(number));
        }
    }

    /** Builds a caller id from what the network presented, dropping what cannot be trusted. */
    public static CallerId presented(String number, String name) {
        String rawNumber = clean(number, MAX_RAW);
        String cleanNumber = rawNumber == null ? null : rawNumber.replaceAll("[\\s().-]", "");
        if (cleanNumber != null && !NUMBER.matcher(cleanNumber).matches()) {
            cleanNumber = null;
        }
        String cleanName = clean(name, MAX_NAME);
        if (cleanName != null && (cleanName.equals(rawNumber) || cleanName.equalsIgnoreCase("unknown"))) {
            cleanName = null; // Asterisk repeats the number as the name when none was given
        }
        return new CallerId(cleanNumber, cleanName, rawNumber);
    }

    /** Whether {@code text} has the shape a caller's number is kept in. */
    public static boolean isNumber(String text) {
        return text != null && NUMBER.matcher(text).matches();
    }

    public boolean known() {
        return number != null;
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .limit(max)
                .forEach(out::appendCodePoint);
        String result = out.toString().strip();
        if (result.isEmpty() || result.equals("<unknown>") || result.equals("(null)")) {
            return null;
        }
        return result;
    }
}
