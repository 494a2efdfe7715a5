package org.hotline.campaign;

import java.time.Instant;
import org.hotline.shared.AgentId;

/**
 * When a contact is tried, by a campaign's rules: inside the customer's own call window, no more
 * often than the retry delays allow, no more than the maximum attempts, and never past its deadline.
 * An attempt is counted when the contact is claimed for dialling, so that a dialer that dies
 * mid-call can never give a customer more calls than the rules allow.
 */
public final class AttemptPlan {

    private final CampaignRules rules;

    public AttemptPlan(CampaignRules rules) {
        this.rules = rules;
    }

    /** What a pending contact's turn looks like at {@code now}. */
    public sealed interface Turn {
        /** Dial it now. */
        record Now() implements Turn {
        }

        /** Its window is closed (or its retry delay not over): not before this time. */
        record Later(Instant at) implements Turn {
        }

        /** Its deadline passed. */
        record Expired() implements Turn {
        }
    }

    public Turn turn(Contact contact, Instant now) {
        if (!now.isBefore(contact.deadline())) {
            return new Turn.Expired();
        }
        Instant notBefore = contact.nextAttemptAt() == null || contact.nextAttemptAt().isBefore(now) ? now : contact.nextAttemptAt();
        Instant opening = rules.window().nextOpening(notBefore, contact.zone());
        if (!opening.isBefore(contact.deadline())) {
            return new Turn.Expired();
        }
        return opening.equals(now) ? new Turn.Now() : new Turn.Later(opening);
    }

    /**
     * The contact after an attempt (already counted in {@code tried.attempts()}) ended.
     *
     * @param agent the agent on the call, or null (agentless, or none reserved)
     */
    public Contact after(Contact tried, AttemptOutcome outcome, AgentId agent, Instant at) {
        int attempts = outcome.countsAsAttempt() ? tried.attempts() : Math.max(0, tried.attempts() - 1);
        AgentId avoid = outcome == AttemptOutcome.DIFFICULT_CUSTOMER && agent != null ? agent : tried.avoidAgent();
        if (outcome == AttemptOutcome.REACHED) {
            return tried.next(ContactStatus.DONE, attempts, null, avoid, outcome);
        }
        if (attempts >= rules.retries().maxAttempts()) {
            return tried.next(ContactStatus.EXHAUSTED, attempts, null, avoid, outcome);
        }
        Instant earliest = at.plus(rules.retries().waitAfter(outcome));
        Instant next = rules.window().nextOpening(earliest, tried.zone());
        if (!next.isBefore(tried.deadline())) {
            return tried.next(ContactStatus.EXPIRED, attempts, null, avoid, outcome);
        }
        return tried.next(ContactStatus.PENDING, attempts, next, avoid, outcome);
    }
}
