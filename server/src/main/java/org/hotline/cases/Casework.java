package org.hotline.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hotline.shared.AgentId;

/**
 * Opening cases and moving them on: the owner from the first call, escalation to the team lead,
 * the reply deadline, and who is told. Blocking (the case file is); callers run it off the event
 * loop. Safe to use from several threads: the case file makes each change conditionally.
 */
public final class Casework {

    /** Cases marked overdue in one check; a backlog is worked off over the next checks. */
    static final int OVERDUE_PER_CHECK = 200;
    private static final int ID_TRIES = 5;

    private final CaseFile file;
    private final FirstContacts contacts;
    private final ReplyDeadline deadlines;
    private final EscalationRule escalation;
    private final CaseNotices notices;
    private final Clock clock;
    private final RandomGenerator random;

    public Casework(CaseFile file, FirstContacts contacts, ReplyDeadline deadlines, EscalationRule escalation,
                    CaseNotices notices, Clock clock, RandomGenerator random) {
        this.file = file;
        this.contacts = contacts;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.notices = notices;
        this.clock = clock;
        this.random = random;
    }

    public ReplyDeadline deadlines() {
        return deadlines;
    }

    /**
     * Opens a case. Coming from a call that an agent took, it belongs to that agent (first-contact
     * ownership) and to the caller; a different owner is refused.
     *
     * @throws IllegalArgumentException naming the field, when the call is unknown or the owner is missing or wrong
     */
    public Case open(NewCase request) {
        AgentId owner = request.owner();
        String customer = request.customer();
        if (request.call() != null) {
            FirstContact contact = contacts.of(request.call())
                    .orElseThrow(() -> new IllegalArgumentException("call: no call " + request.call() + " on record"));
            if (contact.agent() != null) {
                if (owner != null && !owner.equals(contact.agent())) {
                    throw new IllegalArgumentException("owner: the case belongs to agent " + contact.agent()
                            + ", who took call " + request.call() + " (first-contact ownership)");
                }
                owner = contact.agent();
            }
            if (contact.customer() != null) {
                customer = contact.customer();
            }
        }
        if (owner == null) {
            throw new IllegalArgumentException(request.call() == null
                    ? "owner: required for a case that does not come from a call"
                    : "owner: no agent took call " + request.call() + "; say who owns the case");
        }
        return keep(request, owner, customer != null ? customer : request.particulars().contactPhone(), null);
    }

    /**
     * Opens a follow-up of {@code original}: a new need that came up when the customer was answered.
     * It stays with the original's owner and customer and goes to the team lead at once; the
     * call it came up in (a callback, perhaps with another agent) is kept as its first call.
     */
    public Case followUp(CaseId original, NewCase request) {
        Case first = file.find(original).orElseThrow(() -> new NoSuchCase(original));
        if (request.call() != null && contacts.of(request.call()).isEmpty()) {
            throw new IllegalArgumentException("call: no call " + request.call() + " on record");
        }
        Case followUp = keep(request, first.owner(), first.customer(), original);
        Instant at = followUp.openedAt();
        file.addEntry(first.followedUpBy(followUp.id(), request.by(), at));
        return followUp;
    }

    /**
     * Moves the case to {@code next}.
     *
     * @param expected the status the person saw, or null for whatever it is now; when it has changed meanwhile the
     *                 change is refused, so two people never both move a case
     * @throws NoSuchCase        when there is no such case
     * @throws IllegalCaseChange when the status does not allow it, or changed meanwhile
     */
    public Case move(CaseId id, CaseStatus next, CaseStatus expected, AgentId by, String note) {
        Case current = file.find(id).orElseThrow(() -> new NoSuchCase(id));
        if (expected != null && current.status() != expected) {
            throw changedMeanwhile(current, expected);
        }
        Case moved = current.movedTo(next, by, note, now(), deadlines);
        return file.changeStatus(moved, current.status()).orElseThrow(() -> changedMeanwhile(
                file.find(id).orElseThrow(() -> new NoSuchCase(id)), current.status()));
    }

    /**
     * Marks the cases whose deadline passed without a reply, tells their owners, and escalates
     * those not escalated yet. Returns how many it marked.
     */
    public int checkDeadlines() {
        Instant now = now();
        int marked = 0;
        for (Case late : file.overdueUnmarked(now, OVERDUE_PER_CHECK)) {
            Optional<Case> overdue = file.markOverdue(late.overdue(now));
            if (overdue.isEmpty()) {
                continue; // replied or marked meanwhile
            }
            marked++;
            notices.overdue(overdue.get());
            escalation.whenOverdue(overdue.get(), now)
                    .flatMap(to -> file.escalate(overdue.get().escalated(to)))
                    .ifPresent(notices::escalated);
        }
        return marked;
    }

    private Case keep(NewCase request, AgentId owner, String customer, CaseId followUpOf) {
        Instant at = now();
        for (int tries = 0; tries < ID_TRIES; tries++) {
            Case opened = Case.open(CaseId.next(at, deadlines.zone(), random), request, owner, customer, followUpOf, at,
                    deadlines);
            Optional<Escalation> atOnce = escalation.onOpening(opened);
            if (atOnce.isPresent()) {
                opened = opened.escalated(atOnce.get());
            }
            if (file.add(opened)) {
                notices.opened(opened);
                if (opened.escalation() != null) {
                    notices.escalated(opened);
                }
                return opened;
            }
        }
        throw new IllegalStateException("no free case number after " + ID_TRIES + " tries");
    }

    /** To the millisecond, as times are kept, so that a case read back is the case made. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static IllegalCaseChange changedMeanwhile(Case now, CaseStatus expected) {
        return new IllegalCaseChange("case " + now.id() + " is " + now.status().id() + " now, not " + expected.id()
                + " (changed meanwhile)");
    }
}
