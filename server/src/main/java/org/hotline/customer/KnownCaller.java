package org.hotline.customer;

/**
 * What the hotline knows about a caller.
 *
 * @param e164         the caller's number in E.164 form, or null when it is not a valid number
 * @param customer     their entry in the customer file, or null
 * @param longDistance whether they call from outside the centre's area
 */
public record KnownCaller(String e164, Customer customer, boolean longDistance) {

    public static final KnownCaller UNKNOWN = new KnownCaller(null, null, false);

    public boolean vip() {
        return customer != null && customer.vip();
    }
}
