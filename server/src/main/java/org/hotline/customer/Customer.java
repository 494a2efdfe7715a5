package org.hotline.customer;

import java.util.regex.Pattern;
import org.hotline.shared.Printable;
import org.hotline.shared.AgentId;

/**
 * A known customer in the customer file, keyed by their phone number.
 *
 * @param number  the number in E.164 form, e.g. +8613800138000 ({@link PhoneNumbers} makes it from what a caller presents)
 * @param name    how the customer is addressed; at most {@value #MAX_NAME} characters, no control characters
 * @param vip     a VIP (high-value) customer: a head start in the queue and a dedicated advisor where one is free
 * @param advisor the VIP's dedicated advisor, or null; only a VIP has one
 * @param note    free text for the agent, or null; at most {@value #MAX_NOTE} characters, line breaks allowed
 */
public record Customer(String number, String name, boolean vip, AgentId advisor, String note) {

    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 1000;

    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Customer {
        if (!isE164(number)) {
            throw new IllegalArgumentException("number: not an E.164 number: " + Printable.of(number));
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: is required");
        }
        name = name.strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: at most " + MAX_NAME + " characters, no control characters");
        }
        if (note != null) {
            note = note.strip();
            if (note.isEmpty()) {
                note = null;
            } else if (note.codePointCount(0, note.length()) > MAX_NOTE
                    || note.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\t')) {
                throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters, no control characters but line breaks");
            }
        }
        if (advisor != null && !vip) {
            throw new IllegalArgumentException("advisor: only a VIP customer has a dedicated advisor");
        }
    }

    /** Whether {@code text} is a number in the form the customer file keys on. */
    public static boolean isE164(String text) {
        return text != null && E164.matcher(text).matches();
    }
}
