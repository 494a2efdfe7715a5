package org.hotline.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.cases.Case;
import org.hotline.cases.CaseChange;
import org.hotline.cases.CaseEntry;
import org.hotline.cases.CaseId;
import org.hotline.cases.CaseStatus;
import org.hotline.cases.Escalation;
import org.hotline.cases.Particulars;
import org.hotline.cases.Severity;
import org.hotline.shared.AgentId;

/**
 * A case as one document of the {@value MongoCases#COLLECTION} collection: the case's fields by
 * name, times as dates, statuses and severities as their dashed ids, and {@code repliedInTime}
 * beside them so that the reports can count replies made by the deadline.
 */
final class CaseDocument {

    static final String ID = "_id";
    static final String CUSTOMER = "customer";
    static final String OWNER = "owner";
    static final String STATUS = "status";
    static final String OPENED_AT = "openedAt";
    static final String SOLUTION_READY_AT = "solutionReadyAt";
    static final String REPLIED_AT = "repliedAt";
    static final String CLOSED_AT = "closedAt";
    static final String DEADLINE = "deadline";
    static final String REPLIED_IN_TIME = "repliedInTime";
    static final String OVERDUE_AT = "overdueAt";
    static final String ESCALATION = "escalation";
    static final String HISTORY = "history";

    private CaseDocument() {
    }

    static Document of(Case c) {
        Particulars p = c.particulars();
        return new Document(ID, c.id().value())
                .append(CUSTOMER, c.customer())
                .append("particulars", new Document("when", p.when()).append("where", p.where()).append("who", p.who())
                        .append("what", p.what()).append("how", p.how()).append("contactPhone", p.contactPhone()))
                .append("category", c.category())
                .append("severity", c.severity().id())
                .append(OWNER, c.owner().value())
                .append("firstCall", c.firstCall() == null ? null : c.firstCall().value())
                .append("followUpOf", c.followUpOf() == null ? null : c.followUpOf().value())
                .append(STATUS, c.status().id())
                .append(OPENED_AT, date(c.openedAt()))
                .append(SOLUTION_READY_AT, date(c.solutionReadyAt()))
                .append(REPLIED_AT, date(c.repliedAt()))
                .append(CLOSED_AT, date(c.closedAt()))
                .append(DEADLINE, date(c.deadline()))
                .append(REPLIED_IN_TIME, c.repliedInTime())
                .append(OVERDUE_AT, date(c.overdueAt()))
                .append(ESCALATION, escalation(c.escalation()))
                .append(HISTORY, c.history().stream().map(CaseDocument::entry).toList());
    }

    static Document escalation(Escalation escalation) {
        return escalation == null ? null : new Document("to", escalation.to() == null ? null : escalation.to().value())
                .append("at", date(escalation.at())).append("reason", escalation.reason().id());
    }

    static Document entry(CaseEntry entry) {
        return new Document("at", date(entry.at())).append("change", entry.change().id())
                .append("by", entry.by() == null ? null : entry.by().value()).append("detail", entry.detail());
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Case read(Document d) {
        try {
            Document p = d.get("particulars", Document.class);
            List<CaseEntry> history = new ArrayList<>();
            for (Document e : d.getList(HISTORY, Document.class, List.of())) {
                history.add(new CaseEntry(time(e, "at"), CaseChange.byId(e.getString("change")).orElseThrow(),
                        agent(e.getString("by")), e.getString("detail")));
            }
            Document escalation = d.get(ESCALATION, Document.class);
            return new Case(new CaseId(d.getString(ID)), d.getString(CUSTOMER),
                    new Particulars(p.getString("when"), p.getString("where"), p.getString("who"), p.getString("what"),
                            p.getString("how"), p.getString("contactPhone")),
                    d.getString("category"), Severity.byId(d.getString("severity")).orElseThrow(), agent(d.getString(OWNER)),
                    d.getString("firstCall") == null ? null : new CallId(d.getString("firstCall")),
                    d.getString("followUpOf") == null ? null : new CaseId(d.getString("followUpOf")),
                    CaseStatus.byId(d.getString(STATUS)).orElseThrow(), time(d, OPENED_AT), time(d, SOLUTION_READY_AT),
                    time(d, REPLIED_AT), time(d, CLOSED_AT), time(d, DEADLINE), time(d, OVERDUE_AT),
                    escalation == null ? null : new Escalation(agent(escalation.getString("to")), time(escalation, "at"),
                            Escalation.Reason.byId(escalation.getString("reason")).orElseThrow()),
                    history);
        } catch (RuntimeException e) {
            throw new IllegalStateException("case " + d.get(ID) + " is stored in a form this version cannot read: " + e, e);
        }
    }

    private static AgentId agent(String id) {
        return id == null ? null : new AgentId(id);
    }

    private static Instant time(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
