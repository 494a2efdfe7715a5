package org.hotline.cases;

import org.hotline.customer.Customer;

/**
 * What the handbook asks an agent to write down for a question that cannot be answered on the
 * call: when, where, who, what happened, how, and a phone number to reach the customer on. All is
 * the customer's account in their words, kept as text ("last Tuesday afternoon" is a fine when).
 *
 * @param when         when it happened, or null
 * @param where        where it happened (a shop, an address, a web page), or null
 * @param who          who was involved (a person, a courier, the customer's relative), or null
 * @param what         what happened and what the customer asks: required
 * @param how          how it came about, or how the customer wants it settled, or null
 * @param contactPhone the number to call the customer back on, in E.164 form (see {@link org.hotline.customer.PhoneNumbers})
 */
public record Particulars(String when, String where, String who, String what, String how, String contactPhone) {

    public static final int MAX_SHORT = 200;
    public static final int MAX_LONG = 2000;

    public Particulars {
        when = text("when", when, MAX_SHORT, false);
        where = text("where", where, MAX_SHORT, false);
        who = text("who", who, MAX_SHORT, false);
        what = text("what", what, MAX_LONG, true);
        how = text("how", how, MAX_LONG, true);
        if (what == null) {
            throw new IllegalArgumentException("what: is required (what happened, what the customer asks)");
        }
        if (!Customer.isE164(contactPhone)) {
            throw new IllegalArgumentException("contactPhone: is required, a phone number to reach the customer on");
        }
    }

    /** Stripped; blank is null; bounded; no control characters but line breaks and tabs in the long ones. */
    static String text(String field, String value, int max, boolean lines) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        boolean control = text.codePoints().anyMatch(cp -> Character.isISOControl(cp) && !(lines && (cp == '\n' || cp == '\t')));
        if (text.codePointCount(0, text.length()) > max || control) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters, no control characters"
                    + (lines ? " but line breaks" : ""));
        }
        return text;
    }
}
