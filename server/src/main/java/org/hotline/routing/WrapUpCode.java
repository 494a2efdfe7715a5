package org.hotline.routing;

import java.util.regex.Pattern;
import org.hotline.shared.Language;
import org.hotline.shared.Printable;

/**
 * What became of a call, as the agent says during wrap-up ("resolved", "order changed"): an id safe
 * in a URL, a CSV column and a phone's keypad menu, and a label in each language of the pages.
 */
public record WrapUpCode(String id, String zh, String en) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int LONGEST_LABEL = 40;

    public WrapUpCode {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a wrap-up code: " + Printable.of(id)
                    + " (1-32 lower-case letters, digits and dashes)");
        }
        label(id, "zh", zh);
        label(id, "en", en);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public String label(Language language) {
        return language == Language.ZH ? zh : en;
    }

    private static void label(String id, String language, String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("wrap-up code " + id + ": the " + language + " label is missing");
        }
        if (label.codePointCount(0, label.length()) > LONGEST_LABEL || label.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("wrap-up code " + id + ": the " + language + " label has at most "
                    + LONGEST_LABEL + " characters and no control characters");
        }
    }
}
