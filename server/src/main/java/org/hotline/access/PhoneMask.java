package org.hotline.access;

/**
 * Hides the middle of a phone number the way Chinese service centres print it: 13800138000 becomes
 * 138****8000. The country code of +86 numbers is dropped first; other numbers are masked as written.
 * Text without digits (anonymous, unknown) is shown as it is.
 */
public final class PhoneMask {

    /**
     * A phone number inside free text (a log line): international (+ or its URL form %2B), a Chinese
     * mobile (11 digits from 13 to 19) or a number with its trunk 0, with spaces or dashes between groups.
     * Digits glued to letters, dots or other digits (Asterisk's uniqueids, times, ports) are not numbers.
     */
    private static final java.util.regex.Pattern IN_TEXT = java.util.regex.Pattern.compile(
            "(?:\\+|%2[Bb])\\d[\\d\\- ]{5,18}\\d"
                    + "|(?<![\\w.+%-])1[3-9]\\d(?:[ -]?\\d{4}){2}(?![\\w.])"
                    + "|(?<![\\w.+%-])0\\d{2,3}[ -]?\\d{7,8}(?![\\w.])");

    private PhoneMask() {
    }

    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.startsWith("+86") ? number.substring(3).replaceAll("\\D", "") : number.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return number;
        }
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
        }
        if (digits.length() <= 2) {
            return "*".repeat(digits.length());
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }

    /** The text with every phone number in it masked: the one place log lines are masked (see org.hotline.logging). */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return IN_TEXT.matcher(text).replaceAll(found -> java.util.regex.Matcher.quoteReplacement(
                mask(found.group().replaceFirst("^%2[Bb]", "+"))));
    }
}
