package org.hotline.shared;

/** Renders untrusted text safely for messages and logs: control characters escaped, length bounded. */
public final class Printable {

    private static final int LIMIT = 80;

    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT) + 2).append('"');
        text.codePoints().limit(LIMIT).forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '"' || cp == '\\') {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > LIMIT) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
