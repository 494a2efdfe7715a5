package org.hotline.access;

/**
 * Hides the middle of a phone number the way Chinese service centres print it: 13800138000 becomes
 * 138****8000. The country code of +86 numbers is dropped first; other numbers are masked as written.
 * Text without digits (anonymous, unknown) is shown as it is.
 */
public final class PhoneMask {

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
}
