package org.hotline.campaign;

import java.time.Clock;
import org.hotline.shared.AgentId;

/**
 * The outbound procedure's escape: a customer reached but not satisfied and difficult is called
 * again at another time by another agent. Only the agent who made the contact's last attempt
 * may say so, and only of a customer that attempt reached.
 */
public final class DifficultCustomer {

    private final ContactBook book;
    private final Clock clock;

    public DifficultCustomer(ContactBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    /**
     * Marks the contact's last attempt difficult and reschedules the contact by the campaign's
     * rules, avoiding {@code agent}; returns the contact as it now stands.
     *
     * @throws IllegalArgumentException when the campaign has no such contact
     * @throws IllegalStateException    when the last attempt is not this agent's or did not reach the customer
     */
    public Contact mark(Campaign campaign, String contactId, AgentId agent) {
        Contact contact = book.find(contactId).filter(found -> found.campaign().equals(campaign.id()))
                .orElseThrow(() -> new IllegalArgumentException("no contact " + contactId + " in campaign " + campaign.id()));
        AttemptRecord last = book.lastAttempt(contactId)
                .orElseThrow(() -> new IllegalStateException("contact " + contactId + " has not been called yet"));
        if (!agent.value().equals(last.agent())) {
            throw new IllegalStateException("only the agent who made the last attempt (" + last.agent() + ") may set its outcome");
        }
        if (last.outcome() != AttemptOutcome.REACHED || contact.status() != ContactStatus.DONE) {
            throw new IllegalStateException("only a reached customer can be marked difficult (the last attempt was "
                    + last.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
        }
        Contact after = new AttemptPlan(campaign.rules()).after(contact, AttemptOutcome.DIFFICULT_CUSTOMER, agent, clock.instant());
        if (!book.reclassify(contact, last, AttemptOutcome.DIFFICULT_CUSTOMER, after)) {
            throw new IllegalStateException("contact " + contactId + " changed meanwhile; read it again");
        }
        return after;
    }
}
