package org.hotline.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's contacts as dialers share them: a contact is claimed atomically before it is
 * dialled, so two dialers (or one restarted) never dial it twice for one attempt.
 */
public interface ContactBook {

    /** Adds contacts (new ones are pending, due at once); returns how many were added (a number already in the campaign is not). */
    int add(List<Contact> contacts);

    /** Pending contacts of the campaign due by {@code now}, earliest first, at most {@code limit}. */
    List<Contact> due(CampaignId campaign, Instant now, int limit);

    /**
     * Claims a pending contact for dialling by {@code dialer}, counting the attempt; empty if
     * someone else claimed it first or it changed since it was read.
     */
    Optional<Contact> claim(Contact contact, String dialer, Instant now);

    /** Marks a claimed contact as dialled now, just before the call is placed (a restart can then tell the two apart). */
    void dialling(Contact claimed, Instant at);

    /** The customer of a claimed contact picked up. */
    void answered(Contact claimed, Instant at);

    /** How far the call of a contact left in dialling by a stopped server had got. */
    CallStage howFar(Contact claimed);

    enum CallStage { CLAIMED, DIALLED, ANSWERED }

    /** When the call of a contact left in dialling was placed, if it was. */
    default Optional<Instant> dialledAt(Contact claimed) {
        return Optional.empty();
    }

    /** Records a finished attempt and the contact's new state (only while {@code dialer} still holds the claim). */
    boolean finish(Attempt attempt, Contact after, String dialer);

    /** The contact with this id, in whatever state. */
    Optional<Contact> find(String contactId);

    /** The contact's latest finished attempt, if any. */
    Optional<AttemptRecord> lastAttempt(String contactId);

    /**
     * Gives a reached contact's last attempt another outcome (the agent found the customer
     * difficult) and puts the contact in its new state; false when the contact changed meanwhile.
     */
    boolean reclassify(Contact reached, AttemptRecord last, AttemptOutcome outcome, Contact after);

    /** A pending contact's next turn moved (window closed) or the contact expired / is on the do-not-call list. */
    void settle(Contact contact);

    /** Contacts left dialling by {@code dialer} (which stopped mid-call), or claimed before {@code staleBefore} by anyone. */
    List<Contact> interrupted(String dialer, Instant staleBefore);

    /** Pending contacts of a stopped campaign are cancelled; returns how many. */
    long cancelPending(CampaignId campaign);

    ContactProgress progress(CampaignId campaign);

    /** The campaign's finished attempts, oldest first, at most {@code limit}. */
    List<AttemptRecord> attempts(CampaignId campaign, int limit);

    /** Attempt {@code number} at contact {@code contactId} of {@code campaign}, as kept, if it was made. */
    Optional<AttemptRecord> attempt(CampaignId campaign, String contactId, int number);

    /** Removes every contact of a campaign that was never made (its creation failed half-way). */
    void remove(CampaignId campaign);
}
