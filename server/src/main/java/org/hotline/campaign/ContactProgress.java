package org.hotline.campaign;

import java.util.Map;

/**
 * How far a campaign has got: contacts by status, finished attempts by outcome, and how many
 * customers were reached within their deadline.
 */
public record ContactProgress(Map<ContactStatus, Long> contacts, Map<AttemptOutcome, Long> attempts, long reachedInTime) {

    public ContactProgress {
        contacts = Map.copyOf(contacts);
        attempts = Map.copyOf(attempts);
    }

    public long total() {
        return contacts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether nothing is left to dial or under way. */
    public boolean finished() {
        return contacts.getOrDefault(ContactStatus.PENDING, 0L) == 0 && contacts.getOrDefault(ContactStatus.DIALLING, 0L) == 0;
    }
}
