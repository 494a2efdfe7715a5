package org.hotline.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A case file in a map, with the same conditional changes as the real one. */
public class CaseFileInMemory implements CaseFile {

    public final Map<CaseId, Case> cases = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(Case opened) {
        return cases.putIfAbsent(opened.id(), opened) == null;
    }

    @Override
    public synchronized Optional<Case> find(CaseId id) {
        return Optional.ofNullable(cases.get(id));
    }

    @Override
    public synchronized Optional<Case> changeStatus(Case changed, CaseStatus expected) {
        Case kept = cases.get(changed.id());
        if (kept == null || kept.status() != expected) {
            return Optional.empty();
        }
        Case now = new Case(kept.id(), kept.customer(), kept.particulars(), kept.category(), kept.severity(), kept.owner(),
                kept.firstCall(), kept.followUpOf(), changed.status(), kept.openedAt(), changed.solutionReadyAt(),
                changed.repliedAt(), changed.closedAt(), changed.deadline(), kept.overdueAt(), kept.escalation(),
                append(kept, changed));
        cases.put(now.id(), now);
        return Optional.of(now);
    }

    @Override
    public synchronized Optional<Case> escalate(Case escalated) {
        Case kept = cases.get(escalated.id());
        if (kept == null || kept.escalation() != null) {
            return Optional.empty();
        }
        Case now = new Case(kept.id(), kept.customer(), kept.particulars(), kept.category(), kept.severity(), kept.owner(),
                kept.firstCall(), kept.followUpOf(), kept.status(), kept.openedAt(), kept.solutionReadyAt(), kept.repliedAt(),
                kept.closedAt(), kept.deadline(), kept.overdueAt(), escalated.escalation(), append(kept, escalated));
        cases.put(now.id(), now);
        return Optional.of(now);
    }

    @Override
    public synchronized Optional<Case> markOverdue(Case overdue) {
        Case kept = cases.get(overdue.id());
        if (kept == null || kept.overdueAt() != null || !kept.status().awaitsReply()) {
            return Optional.empty();
        }
        Case now = new Case(kept.id(), kept.customer(), kept.particulars(), kept.category(), kept.severity(), kept.owner(),
                kept.firstCall(), kept.followUpOf(), kept.status(), kept.openedAt(), kept.solutionReadyAt(), kept.repliedAt(),
                kept.closedAt(), kept.deadline(), overdue.overdueAt(), kept.escalation(), append(kept, overdue));
        cases.put(now.id(), now);
        return Optional.of(now);
    }

    @Override
    public synchronized Optional<Case> addEntry(Case changed) {
        Case kept = cases.get(changed.id());
        if (kept == null) {
            return Optional.empty();
        }
        Case now = new Case(kept.id(), kept.customer(), kept.particulars(), kept.category(), kept.severity(), kept.owner(),
                kept.firstCall(), kept.followUpOf(), kept.status(), kept.openedAt(), kept.solutionReadyAt(), kept.repliedAt(),
                kept.closedAt(), kept.deadline(), kept.overdueAt(), kept.escalation(), append(kept, changed));
        cases.put(now.id(), now);
        return Optional.of(now);
    }

    @Override
    public synchronized List<Case> overdueUnmarked(Instant now, int limit) {
        return cases.values().stream()
                .filter(c -> c.status().awaitsReply() && c.deadline() != null && c.deadline().isBefore(now) && c.overdueAt() == null)
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Case> notClosedOf(String customer, int limit) {
        return cases.values().stream().filter(c -> c.customer().equals(customer) && c.status() != CaseStatus.CLOSED)
                .sorted(Comparator.comparing(Case::openedAt).reversed()).limit(limit).toList();
    }

    private static List<CaseEntry> append(Case kept, Case changed) {
        List<CaseEntry> history = new java.util.ArrayList<>(kept.history());
        history.add(changed.lastEntry());
        return history;
    }
}
