package org.hotline.campaign;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A campaign's contacts whose turn it is: reads the due ones and settles, as it meets them,
 * those that must not be dialled now (on the do-not-call list, past their deadline, outside
 * their window), handing the others to the dialer one by one. Checked at each dial, not only
 * at import, so a number put on the list yesterday is not called today.
 */
final class DueContacts {

    /**
     * Due contacts read at once and handed out over the next passes: one read serves many calls
     * (a claim still checks each is pending and unchanged, so a stale one is only skipped).
     */
    private static final int CANDIDATES = 200;

    private final ContactBook book;
    private final DoNotCall doNotCall;
    private final AttemptPlan plan;
    private final ArrayDeque<Contact> candidates = new ArrayDeque<>();

    DueContacts(ContactBook book, DoNotCall doNotCall, AttemptPlan plan) {
        this.book = book;
        this.doNotCall = doNotCall;
        this.plan = plan;
    }

    /** What the dialer did with a contact whose turn it was. */
    enum Tried { STARTED, SKIPPED, STOP }

    interface Dial {
        Tried attempt(Contact contact);
    }

    /** How a pass went: calls started, and whether no contact was due at all. */
    record Pass(int started, boolean nothingDue) {
    }

    /** Hands each contact whose turn it is to {@code dial}, until {@code most} calls started or it says stop. */
    Pass pass(CampaignId campaign, Instant now, int most, Dial dial) {
        if (candidates.isEmpty()) {
            candidates.addAll(book.due(campaign, now, CANDIDATES));
        }
        boolean nothingDue = candidates.isEmpty();
        int started = 0;
        while (started < most && !candidates.isEmpty()) {
            Contact contact = candidates.poll();
            if (doNotCall.contains(contact.number())) {
                book.settle(contact.next(ContactStatus.DO_NOT_CALL, contact.attempts(), null, contact.avoidAgent(),
                        contact.lastOutcome()));
                continue;
            }
            switch (plan.turn(contact, now)) {
                case AttemptPlan.Turn.Expired expired -> book.settle(contact.next(ContactStatus.EXPIRED, contact.attempts(),
                        null, contact.avoidAgent(), contact.lastOutcome()));
                case AttemptPlan.Turn.Later later -> book.settle(contact.next(ContactStatus.PENDING, contact.attempts(),
                        later.at(), contact.avoidAgent(), contact.lastOutcome()));
                case AttemptPlan.Turn.Now ignored -> {
                    Tried tried = dial.attempt(contact);
                    if (tried == Tried.STOP) {
                        candidates.addFirst(contact); // its turn is still to come
                        return new Pass(started, false);
                    }
                    if (tried == Tried.STARTED) {
                        started++;
                    }
                }
            }
        }
        return new Pass(started, nothingDue);
    }
}
