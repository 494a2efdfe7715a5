package org.hotline.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hotline.shared.CallId;
import org.hotline.customer.Customer;
import org.hotline.shared.AgentId;

/**
 * A customer's question that could not be answered on the call, owned by the agent who took the
 * first call (first-contact ownership) until the customer has been answered. Changes make a new
 * case with one more history entry; nothing is ever removed from the history.
 *
 * @param customer        the customer's number in E.164 form: whose case it is (a returning caller is matched on it)
 * @param category        what kind of matter, a word like {@code billing} or {@code delivery}
 * @param owner           the agent who took the first call and answers for the case
 * @param firstCall       the call the case came from, or null when it was opened without one
 * @param followUpOf      the case this one follows up, or null
 * @param solutionReadyAt when a solution was found, or null
 * @param repliedAt       when the customer was told, or null
 * @param closedAt        when the case was closed, or null
 * @param deadline        by when the customer must be answered; null while it is not running yet (counted from the
 *                        solution and there is none)
 * @param overdueAt       when the server saw the deadline pass without a reply, or null
 * @param escalation      when and to whom it went to a team lead, or null
 * @param history         every change, oldest first
 */
public record Case(CaseId id, String customer, Particulars particulars, String category, Severity severity, AgentId owner,
                   CallId firstCall, CaseId followUpOf, CaseStatus status, Instant openedAt, Instant solutionReadyAt,
                   Instant repliedAt, Instant closedAt, Instant deadline, Instant overdueAt, Escalation escalation,
                   List<CaseEntry> history) {

    public static final int MAX_NOTE = 500;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Case {
        Objects.requireNonNull(id, "id");
        if (!Customer.isE164(customer)) {
            throw new IllegalArgumentException("customer: not a phone number in E.164 form");
        }
        Objects.requireNonNull(particulars, "particulars");
        if (!isCategory(category)) {
            throw new IllegalArgumentException("category: a word of lower-case letters, digits and '-', e.g. billing");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        history = List.copyOf(history);
    }

    public static boolean isCategory(String text) {
        return text != null && CATEGORY.matcher(text).matches();
    }

    /**
     * A new case, in status open.
     *
     * @param owner    the agent of the first call (see {@link Casework#open})
     * @param customer whose case it is, in E.164 form
     */
    static Case open(CaseId id, NewCase request, AgentId owner, String customer, CaseId followUpOf, Instant at,
                     ReplyDeadline deadlines) {
        AgentId by = request.by() != null ? request.by() : owner;
        Case opened = new Case(id, customer, request.particulars(), request.category(), request.severity(), owner,
                request.call(), followUpOf, CaseStatus.OPEN, at, null, null, null, null, null, null,
                List.of(new CaseEntry(at, CaseChange.OPENED, by, followUpOf == null ? null : "follows up " + followUpOf)));
        return opened.withDeadline(deadlines);
    }

    /**
     * The case moved on to {@code next}.
     *
     * @throws IllegalCaseChange when the status does not allow it
     */
    public Case movedTo(CaseStatus next, AgentId by, String note, Instant at, ReplyDeadline deadlines) {
        if (!status.canBecome(next)) {
            throw IllegalCaseChange.of(id, status, next);
        }
        String detail = Particulars.text("note", note, MAX_NOTE, true);
        Instant solution = solutionReadyAt;
        Instant replied = repliedAt;
        Instant closed = closedAt;
        switch (next) {
            case SOLUTION_READY -> solution = at;
            case REPLIED -> {
                solution = solution == null ? at : solution; // the answer was found and given at once
                replied = at;
            }
            case CLOSED -> closed = at;
            case OPEN -> throw IllegalCaseChange.of(id, status, next);
        }
        return new Case(id, customer, particulars, category, severity, owner, firstCall, followUpOf, next, openedAt, solution,
                replied, closed, deadline, overdueAt, escalation, appended(new CaseEntry(at, CaseChange.to(next), by, detail)))
                .withDeadline(deadlines);
    }

    /** The case went to a team lead (once: a case is escalated at most once). */
    public Case escalated(Escalation to) {
        if (escalation != null) {
            throw new IllegalCaseChange("case " + id + " was already escalated");
        }
        String detail = (to.to() == null ? "the floor (no team lead in the roster)" : to.to().value()) + ", " + to.reason().id();
        return new Case(id, customer, particulars, category, severity, owner, firstCall, followUpOf, status, openedAt,
                solutionReadyAt, repliedAt, closedAt, deadline, overdueAt, to,
                appended(new CaseEntry(to.at(), CaseChange.ESCALATED, null, detail)));
    }

    /** The server saw the deadline pass without a reply. */
    public Case overdue(Instant at) {
        return new Case(id, customer, particulars, category, severity, owner, firstCall, followUpOf, status, openedAt,
                solutionReadyAt, repliedAt, closedAt, deadline, at, escalation,
                appended(new CaseEntry(at, CaseChange.OVERDUE, null, "deadline " + deadline)));
    }

    /** A follow-up case was opened from this one. */
    public Case followedUpBy(CaseId followUp, AgentId by, Instant at) {
        return new Case(id, customer, particulars, category, severity, owner, firstCall, followUpOf, status, openedAt,
                solutionReadyAt, repliedAt, closedAt, deadline, overdueAt, escalation,
                appended(new CaseEntry(at, CaseChange.FOLLOW_UP, by, followUp.value())));
    }

    /** The customer was answered, and by the deadline (a reply exactly at the deadline keeps it). */
    public boolean repliedInTime() {
        return repliedAt != null && deadline != null && !repliedAt.isAfter(deadline);
    }

    /** The latest history entry: the change just made. */
    public CaseEntry lastEntry() {
        return history.getLast();
    }

    /** The deadline is set once, when it starts running; a later change of the setting leaves it. */
    private Case withDeadline(ReplyDeadline deadlines) {
        if (deadline != null) {
            return this;
        }
        return deadlines.startingPoint(this)
                .map(start -> new Case(id, customer, particulars, category, severity, owner, firstCall, followUpOf, status,
                        openedAt, solutionReadyAt, repliedAt, closedAt, deadlines.deadlineFrom(start), overdueAt, escalation,
                        history))
                .orElse(this);
    }

    private List<CaseEntry> appended(CaseEntry entry) {
        List<CaseEntry> more = new ArrayList<>(history);
        more.add(entry);
        return more;
    }
}
