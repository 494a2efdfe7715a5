package org.hotline.cases;

import org.hotline.customer.Customer;
import java.util.List;
import org.hotline.shared.AgentId;

/**
 * What the hotline knows about a caller.
 *
 * @param e164         the caller's number in E.164 form, or null when it is not a valid number
 * @param customer     their entry in the customer file, or null
 * @param longDistance whether they call from outside the centre's area
 * @param openCases    their cases that are not closed, newest first
 */
public record KnownCaller(String e164, Customer customer, boolean longDistance, List<Case> openCases) {

    public static final KnownCaller UNKNOWN = new KnownCaller(null, null, false);

    public KnownCaller {
        openCases = List.copyOf(openCases);
    }

    public KnownCaller(String e164, Customer customer, boolean longDistance) {
        this(e164, customer, longDistance, List.of());
    }

    /**
     * The owner of their newest case that is not closed, or null: first-contact ownership, so the
     * caller is offered to that agent first.
     */
    public AgentId caseOwner() {
        return openCases.isEmpty() ? null : openCases.getFirst().owner();
    }

    public boolean vip() {
        return customer != null && customer.vip();
    }
}
