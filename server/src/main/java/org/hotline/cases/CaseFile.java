package org.hotline.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where cases are kept. Blocking; callers run it off the event loop. Every change is conditional
 * on what the change was made from, so two people (or two servers) never both make it: the loser
 * gets an empty answer and reads the case again.
 */
public interface CaseFile {

    /** Keeps a new case; false when its number is taken already (nothing is written then). */
    boolean add(Case opened);

    Optional<Case> find(CaseId id);

    /**
     * Keeps {@code changed}'s status, its times and its last history entry, provided the kept case
     * is still in {@code expected}.
     *
     * @return the case as kept now, or empty when it was not in {@code expected} (or is gone)
     */
    Optional<Case> changeStatus(Case changed, CaseStatus expected);

    /** Keeps {@code escalated}'s escalation and last history entry, provided the kept case was not escalated yet. */
    Optional<Case> escalate(Case escalated);

    /** Keeps {@code overdue}'s overdue time and last history entry, provided it was not marked overdue yet. */
    Optional<Case> markOverdue(Case overdue);

    /** Adds {@code changed}'s last history entry (a follow-up opened from it) to the kept case. */
    Optional<Case> addEntry(Case changed);

    /** Cases still awaiting a reply whose deadline is before {@code now} and that are not marked overdue yet, at most {@code limit}. */
    List<Case> overdueUnmarked(Instant now, int limit);

    /** The customer's cases that are not closed, newest first, at most {@code limit}. */
    List<Case> notClosedOf(String customer, int limit);
}
