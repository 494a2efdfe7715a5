package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static org.hotline.store.CaseDocument.CUSTOMER;
import static org.hotline.store.CaseDocument.DEADLINE;
import static org.hotline.store.CaseDocument.ESCALATION;
import static org.hotline.store.CaseDocument.HISTORY;
import static org.hotline.store.CaseDocument.ID;
import static org.hotline.store.CaseDocument.OPENED_AT;
import static org.hotline.store.CaseDocument.OVERDUE_AT;
import static org.hotline.store.CaseDocument.OWNER;
import static org.hotline.store.CaseDocument.REPLIED_AT;
import static org.hotline.store.CaseDocument.REPLIED_IN_TIME;
import static org.hotline.store.CaseDocument.STATUS;
import static org.hotline.store.CaseDocument.date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.cases.Case;
import org.hotline.cases.CaseFile;
import org.hotline.cases.CaseId;
import org.hotline.cases.CaseStatus;
import org.hotline.customer.Customer;
import org.hotline.report.Ratio;
import org.hotline.shared.AgentId;
import org.hotline.shared.PageCursor;

/**
 * The case file in MongoDB, one document per case (see {@link CaseDocument}). Changes are
 * {@code findOneAndUpdate} conditioned on what they were made from (the status, not escalated
 * yet, not marked overdue yet), and write only their own fields and push only their own history
 * entry, so changes made at the same time by different people never undo each other. Only
 * checked values (case numbers, agent IDs, E.164 numbers, statuses) reach a query, and only as values.
 */
public final class MongoCases implements CaseFile {

    static final String COLLECTION = "cases";
    public static final int MAX_LIMIT = 500;

    private static final List<String> AWAITING_REPLY = List.of(CaseStatus.OPEN.id(), CaseStatus.SOLUTION_READY.id());
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> cases;

    public MongoCases(MongoCollection<Document> cases) {
        this.cases = Objects.requireNonNull(cases);
    }

    /** The indexes the queries below use; called by {@link MongoStore} when MongoDB answers. */
    static void createIndexes(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.ascending(STATUS, OPENED_AT, ID)); // lists by status
        cases.createIndex(Indexes.ascending(OWNER, OPENED_AT, ID)); // an agent's cases
        cases.createIndex(Indexes.ascending(CUSTOMER, OPENED_AT, ID)); // a customer's cases; a returning caller's open ones
        cases.createIndex(Indexes.ascending(STATUS, DEADLINE)); // overdue and due soon
        cases.createIndex(Indexes.ascending(DEADLINE, OWNER)); // the reports' periods
    }

    /**
     * Which cases a list shows; each part may be null for any.
     *
     * @param customer an E.164 number
     */
    public record Filter(CaseStatus status, AgentId owner, String customer) {

        public Filter {
            if (customer != null && !Customer.isE164(customer)) {
                throw new IllegalArgumentException("customer must be an E.164 number");
            }
        }

        Bson bson() {
            List<Bson> parts = new ArrayList<>();
            if (status != null) {
                parts.add(eq(STATUS, status.id()));
            }
            if (owner != null) {
                parts.add(eq(OWNER, owner.value()));
            }
            if (customer != null) {
                parts.add(eq(CUSTOMER, customer));
            }
            return parts.isEmpty() ? new Document() : and(parts);
        }
    }

    /**
     * One page of cases.
     *
     * @param next where the next page starts (the last case's time the list is ordered by, and its number), or null on
     *             the last page
     */
    public record CasePage(List<Case> cases, PageCursor next) {

        public CasePage {
            cases = List.copyOf(cases);
        }
    }

    @Override
    public boolean add(Case opened) {
        try {
            cases.insertOne(CaseDocument.of(opened));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return Optional.ofNullable(cases.find(eq(ID, id.value())).first()).map(CaseDocument::read);
    }

    @Override
    public Optional<Case> changeStatus(Case changed, CaseStatus expected) {
        return update(and(eq(ID, changed.id().value()), eq(STATUS, expected.id())), changed, Updates.combine(
                Updates.set(STATUS, changed.status().id()),
                Updates.set(CaseDocument.SOLUTION_READY_AT, date(changed.solutionReadyAt())),
                Updates.set(REPLIED_AT, date(changed.repliedAt())),
                Updates.set(CaseDocument.CLOSED_AT, date(changed.closedAt())),
                Updates.set(DEADLINE, date(changed.deadline())),
                Updates.set(REPLIED_IN_TIME, changed.repliedInTime())));
    }

    @Override
    public Optional<Case> escalate(Case escalated) {
        return update(and(eq(ID, escalated.id().value()), eq(ESCALATION, null)), escalated,
                Updates.set(ESCALATION, CaseDocument.escalation(escalated.escalation())));
    }

    @Override
    public Optional<Case> markOverdue(Case overdue) {
        return update(and(eq(ID, overdue.id().value()), eq(OVERDUE_AT, null), in(STATUS, AWAITING_REPLY)), overdue,
                Updates.set(OVERDUE_AT, date(overdue.overdueAt())));
    }

    @Override
    public Optional<Case> addEntry(Case changed) {
        return update(eq(ID, changed.id().value()), changed, null);
    }

    @Override
    public List<Case> overdueUnmarked(Instant now, int limit) {
        return read(and(in(STATUS, AWAITING_REPLY), lt(DEADLINE, date(now)), eq(OVERDUE_AT, null)),
                Sorts.ascending(DEADLINE, ID), limit);
    }

    @Override
    public List<Case> notClosedOf(String customer, int limit) {
        if (!Customer.isE164(customer)) {
            return List.of();
        }
        return read(and(eq(CUSTOMER, customer), ne(STATUS, CaseStatus.CLOSED.id())), Sorts.descending(OPENED_AT, ID), limit);
    }

    /**
     * Cases by opening, then number.
     *
     * @param limit at most this many, 1 to {@value #MAX_LIMIT}
     * @param after the previous page's {@link CasePage#next()}, or null for the first page
     */
    public CasePage list(Filter filter, int limit, PageCursor after) {
        return page(filter.bson(), OPENED_AT, Case::openedAt, limit, after);
    }

    /** Cases still awaiting a reply whose deadline has passed, the longest overdue first. */
    public List<Case> overdue(Instant now, int limit) {
        checkLimit(limit);
        return read(and(in(STATUS, AWAITING_REPLY), lt(DEADLINE, date(now))), Sorts.ascending(DEADLINE, ID), limit);
    }

    /** Cases still awaiting a reply whose deadline is at most {@code window} away, the nearest first. */
    public List<Case> dueSoon(Instant now, Duration window, int limit) {
        checkLimit(limit);
        return read(and(in(STATUS, AWAITING_REPLY), gte(DEADLINE, date(now)), lte(DEADLINE, date(now.plus(window)))),
                Sorts.ascending(DEADLINE, ID), limit);
    }

    /**
     * The reports' figure: of the cases due in {@code [from, to)} that are decided by {@code now}
     * (answered, or past their deadline), how many were answered by their deadline.
     *
     * @param owner only this agent's cases, or null for all
     */
    public Ratio repliesWithinDeadline(Instant from, Instant to, AgentId owner, Instant now) {
        Bson due = due(from, to, owner);
        long decided = cases.countDocuments(and(due, or(ne(REPLIED_AT, null), lt(DEADLINE, date(now)))));
        long inTime = cases.countDocuments(and(due, eq(REPLIED_IN_TIME, true)));
        return new Ratio(inTime, decided);
    }

    /**
     * The drill-down behind that figure: cases due in {@code [from, to)} answered late, or not yet
     * and past their deadline, by deadline then number.
     *
     * @param after the previous page's last case (deadline and number), or null
     */
    public CasePage late(Instant from, Instant to, AgentId owner, Instant now, int limit, PageCursor after) {
        Bson query = and(due(from, to, owner), ne(REPLIED_IN_TIME, true), or(ne(REPLIED_AT, null), lt(DEADLINE, date(now))));
        return page(query, DEADLINE, Case::deadline, limit, after);
    }

    /** A page of what {@code query} finds by {@code field} (a time), then number; keyset paging keeps pages stable. */
    private CasePage page(Bson query, String field, Function<Case, Instant> key, int limit, PageCursor after) {
        checkLimit(limit);
        if (after != null) {
            query = and(query, or(gt(field, date(after.arrivalAt())), and(eq(field, date(after.arrivalAt())), gt(ID, after.id()))));
        }
        List<Case> found = read(query, Sorts.ascending(field, ID), limit + 1); // one more tells whether a next page exists
        if (found.size() <= limit) {
            return new CasePage(found, null);
        }
        Case last = found.get(limit - 1);
        return new CasePage(found.subList(0, limit), new PageCursor(key.apply(last), last.id().value()));
    }

    private static Bson due(Instant from, Instant to, AgentId owner) {
        Bson period = and(gte(DEADLINE, date(from)), lt(DEADLINE, date(to)));
        return owner == null ? period : and(period, eq(OWNER, owner.value()));
    }

    /** Applies {@code fields} and pushes the changed case's last history entry where {@code filter} still holds. */
    private Optional<Case> update(Bson filter, Case changed, Bson fields) {
        Bson push = Updates.push(HISTORY, CaseDocument.entry(changed.lastEntry()));
        Document after = cases.findOneAndUpdate(filter, fields == null ? push : Updates.combine(fields, push), AFTER);
        return Optional.ofNullable(after).map(CaseDocument::read);
    }

    private List<Case> read(Bson filter, Bson sort, int limit) {
        List<Case> found = new ArrayList<>();
        cases.find(filter).sort(sort).limit(limit).forEach(document -> found.add(CaseDocument.read(document)));
        return found;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
