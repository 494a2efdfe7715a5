package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.hotline.store.MongoCampaigns.name;
import static org.hotline.store.MongoCampaigns.value;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.campaign.Attempt;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.AttemptRecord;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactBook;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactProgress;
import org.hotline.campaign.ContactStatus;
import org.hotline.shared.AgentId;

/**
 * Campaign contacts and their attempts in MongoDB. A claim is one {@code findOneAndUpdate}
 * conditioned on the contact being pending with the attempt count last read; the count it
 * raises then identifies the claim, so a dialer that lost its claim (it was thought dead) cannot
 * overwrite what the new holder records.
 */
public final class MongoContactBook implements ContactBook {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MongoContactBook.class);

    static final String CONTACTS = "campaign_contacts";
    static final String ATTEMPTS = "campaign_attempts";

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> attempts;

    private volatile org.hotline.lease.ActiveLease lease = org.hotline.lease.ActiveLease.always();
    private volatile StoreFence fence = StoreFence.none();

    public MongoContactBook(MongoCollection<Document> contacts, MongoCollection<Document> attempts) {
        this.contacts = contacts;
        this.attempts = attempts;
    }

    /** The indexes the dialers' queries need; called once at start-up. */
    void createIndexes() {
        contacts.createIndex(Indexes.ascending("campaignId", "number"), new IndexOptions().unique(true));
        contacts.createIndex(Indexes.ascending("campaignId", "status", "nextAttemptAt"));
        contacts.createIndex(Indexes.ascending("status", "claimedAt"));
        // Exactly the claim's condition: lets a store without a query planner for compound
        // conditions (the embedded one) find the contact by index instead of scanning.
        contacts.createIndex(Indexes.ascending("_id", "status", "attempts"), new IndexOptions().unique(true));
        attempts.createIndex(Indexes.ascending("campaignId", "endedAt"));
        attempts.createIndex(Indexes.ascending("endedAt")); // reports over a period
        contacts.createIndex(Indexes.ascending("deadline")); // reports: contacts due in a period
    }

    @Override
    public int add(List<Contact> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Document> documents = batch.stream().map(MongoContactBook::toDocument).toList();
        try {
            return contacts.insertMany(documents, new InsertManyOptions().ordered(false)).getInsertedIds().size();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            return batch.size() - e.getWriteErrors().size();
        }
    }

    @Override
    public List<Contact> due(CampaignId campaign, Instant now, int limit) {
        List<Contact> due = new ArrayList<>();
        contacts.find(and(eq("campaignId", campaign.value()), eq("status", name(ContactStatus.PENDING)),
                        lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit)
                .forEach(doc -> due.add(fromDocument(doc)));
        return due;
    }

    /**
     * Claims (the write before a campaign dials) are made only while {@code lease} is held, and carry
     * its fencing token ({@code claimToken}): a server that lost the store's lease dials no one.
     */
    public MongoContactBook dialOnlyWith(org.hotline.lease.ActiveLease lease) {
        this.lease = java.util.Objects.requireNonNull(lease);
        return this;
    }

    /**
     * The dialer's writes (claims, dialling, answers, attempts, settling) go through only while the
     * store's lease names this server: one that was stopped and wakes after a take-over claims and
     * records nothing, even before it notices.
     */
    public MongoContactBook fencedBy(StoreFence fence) {
        this.fence = java.util.Objects.requireNonNull(fence);
        return this;
    }

    @Override
    public Optional<Contact> claim(Contact contact, String dialer, Instant now) {
        long token = lease.token();
        if (token == 0) {
            return Optional.empty(); // not this server's to dial
        }
        try {
            fence.check();
        } catch (StoreFence.FencedOff e) {
            LOG.warn("contact {} not claimed: {}", contact.id(), e.getMessage());
            return Optional.empty();
        }
        Document claimed = contacts.findOneAndUpdate(
                exactly(contact, ContactStatus.PENDING),
                Updates.combine(Updates.set("status", name(ContactStatus.DIALLING)), Updates.inc("attempts", 1),
                        Updates.set("claimedBy", dialer), Updates.set("claimedAt", Date.from(now)),
                        Updates.set("claimToken", token)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(MongoContactBook::fromDocument);
    }

    @Override
    public void dialling(Contact claimed, Instant at) {
        fence.check();
        contacts.updateOne(claimOf(claimed), Updates.set("dialledAt", Date.from(at)));
    }

    @Override
    public void answered(Contact claimed, Instant at) {
        fence.check();
        contacts.updateOne(claimOf(claimed), Updates.set("answeredAt", Date.from(at)));
    }

    @Override
    public CallStage howFar(Contact claimed) {
        Document found = contacts.find(eq("_id", claimed.id())).first();
        if (found != null && found.getDate("answeredAt") != null) {
            return CallStage.ANSWERED;
        }
        return found != null && found.getDate("dialledAt") != null ? CallStage.DIALLED : CallStage.CLAIMED;
    }

    @Override
    public Optional<Instant> dialledAt(Contact claimed) {
        Document found = contacts.find(eq("_id", claimed.id())).first();
        return Optional.ofNullable(found == null ? null : found.getDate("dialledAt")).map(Date::toInstant);
    }

    /** The claim's own condition: still dialling, with the attempt count it raised. */
    private static Bson claimOf(Contact claimed) {
        return exactly(claimed, ContactStatus.DIALLING);
    }

    /**
     * The contact with this id, status and attempt count: one plain document rather than an
     * {@code $and}, so that it matches the unique (_id, status, attempts) index even on a store
     * whose planner only uses an index for an exact key match (the embedded one).
     */
    private static Bson exactly(Contact contact, ContactStatus status) {
        return new Document("_id", contact.id()).append("status", name(status)).append("attempts", contact.attempts());
    }

    @Override
    public boolean finish(Attempt attempt, Contact after, String dialer) {
        fence.check();
        Contact claimed = attempt.contact();
        boolean reachedInTime = after.status() == ContactStatus.DONE && attempt.endedAt().isBefore(claimed.deadline());
        List<Bson> changes = new ArrayList<>(stateOf(after));
        changes.add(Updates.unset("claimedBy"));
        changes.add(Updates.unset("claimedAt"));
        changes.add(Updates.unset("dialledAt"));
        changes.add(Updates.unset("answeredAt"));
        changes.add(Updates.set("reachedInTime", reachedInTime));
        boolean mine = contacts.updateOne(claimOf(claimed), Updates.combine(changes)).getModifiedCount() == 1;
        if (mine) {
            // A try the customer did not get (the agent did not answer) gives its number back, so the
            // start time tells the tries apart.
            attempts.insertOne(new Document("_id", claimed.id() + "#" + attempt.number() + "@" + attempt.startedAt().toEpochMilli())
                    .append("direction", "outbound")
                    .append("campaignId", claimed.campaign().value())
                    .append("contactId", claimed.id())
                    .append("number", claimed.number())
                    .append("attempt", attempt.number())
                    .append("agent", attempt.agent() == null ? null : attempt.agent().value())
                    .append("dialler", dialer)
                    .append("startedAt", Date.from(attempt.startedAt()))
                    .append("answeredAt", attempt.answeredAt() == null ? null : Date.from(attempt.answeredAt()))
                    .append("endedAt", Date.from(attempt.endedAt()))
                    .append("outcome", name(attempt.outcome()))
                    .append("survey", attempt.surveyScore() == null ? null : new Document("score", attempt.surveyScore()))
                    .append("deadline", Date.from(claimed.deadline())));
        }
        return mine;
    }

    @Override
    public Optional<Contact> find(String contactId) {
        return Optional.ofNullable(contacts.find(eq("_id", contactId)).first()).map(MongoContactBook::fromDocument);
    }

    @Override
    public Optional<AttemptRecord> lastAttempt(String contactId) {
        return Optional.ofNullable(attempts.find(eq("contactId", contactId)).sort(Sorts.descending("endedAt")).first())
                .map(MongoContactBook::attemptOf);
    }

    @Override
    public boolean reclassify(Contact reached, AttemptRecord last, AttemptOutcome outcome, Contact after) {
        fence.check();
        List<Bson> changes = new ArrayList<>(stateOf(after));
        changes.add(Updates.set("reachedInTime", false));
        boolean moved = contacts.updateOne(exactly(reached, ContactStatus.DONE), Updates.combine(changes)).getModifiedCount() == 1;
        if (moved) {
            attempts.updateOne(and(eq("contactId", last.contactId()), eq("attempt", last.attempt()),
                            eq("endedAt", Date.from(last.endedAt())), eq("outcome", name(last.outcome()))),
                    Updates.set("outcome", name(outcome)));
        }
        return moved;
    }

    @Override
    public void settle(Contact contact) {
        fence.check();
        contacts.updateOne(exactly(contact, ContactStatus.PENDING),
                Updates.combine(stateOf(contact)));
    }

    @Override
    public List<Contact> interrupted(String dialer, Instant staleBefore) {
        List<Contact> left = new ArrayList<>();
        contacts.find(and(eq("status", name(ContactStatus.DIALLING)),
                        or(eq("claimedBy", dialer), lt("claimedAt", Date.from(staleBefore)))))
                .forEach(doc -> left.add(fromDocument(doc)));
        return left;
    }

    @Override
    public long cancelPending(CampaignId campaign) {
        fence.check();
        return contacts.updateMany(and(eq("campaignId", campaign.value()), eq("status", name(ContactStatus.PENDING))),
                Updates.set("status", name(ContactStatus.CANCELLED))).getModifiedCount();
    }

    @Override
    public ContactProgress progress(CampaignId campaign) {
        Map<ContactStatus, Long> byStatus = new EnumMap<>(ContactStatus.class);
        long reachedInTime = 0;
        for (Document group : contacts.aggregate(List.of(Aggregates.match(eq("campaignId", campaign.value())),
                Aggregates.group(new Document("status", "$status").append("inTime", "$reachedInTime"),
                        Accumulators.sum("count", 1))))) {
            Document key = group.get("_id", Document.class);
            long count = ((Number) group.get("count")).longValue();
            byStatus.merge(value(ContactStatus.class, key.getString("status")), count, Long::sum);
            if (Boolean.TRUE.equals(key.get("inTime"))) {
                reachedInTime += count;
            }
        }
        Map<AttemptOutcome, Long> byOutcome = new EnumMap<>(AttemptOutcome.class);
        for (Document group : attempts.aggregate(List.of(Aggregates.match(eq("campaignId", campaign.value())),
                Aggregates.group("$outcome", Accumulators.sum("count", 1))))) {
            byOutcome.put(value(AttemptOutcome.class, group.getString("_id")), ((Number) group.get("count")).longValue());
        }
        return new ContactProgress(byStatus, byOutcome, reachedInTime);
    }

    @Override
    public List<AttemptRecord> attempts(CampaignId campaign, int limit) {
        List<AttemptRecord> list = new ArrayList<>();
        attempts.find(eq("campaignId", campaign.value())).sort(Sorts.ascending("endedAt")).limit(limit)
                .forEach(doc -> list.add(attemptOf(doc)));
        return list;
    }

    @Override
    public Optional<AttemptRecord> attempt(CampaignId campaign, String contactId, int number) {
        return Optional.ofNullable(attempts.find(and(eq("campaignId", campaign.value()), eq("contactId", contactId),
                eq("attempt", number))).first()).map(MongoContactBook::attemptOf);
    }

    @Override
    public void remove(CampaignId campaign) {
        contacts.deleteMany(eq("campaignId", campaign.value()));
    }

    private static AttemptRecord attemptOf(Document doc) {
        Document survey = doc.get("survey", Document.class);
        Date answered = doc.getDate("answeredAt");
        return new AttemptRecord(doc.getString("contactId"), doc.getString("number"), doc.getInteger("attempt", 0),
                doc.getString("agent"), doc.getDate("startedAt").toInstant(), answered == null ? null : answered.toInstant(),
                doc.getDate("endedAt").toInstant(), value(AttemptOutcome.class, doc.getString("outcome")),
                survey == null ? null : survey.getInteger("score"));
    }

    private static List<Bson> stateOf(Contact contact) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set("status", name(contact.status())));
        changes.add(Updates.set("attempts", contact.attempts()));
        changes.add(Updates.set("nextAttemptAt", contact.nextAttemptAt() == null ? null : Date.from(contact.nextAttemptAt())));
        changes.add(Updates.set("avoidAgent", contact.avoidAgent() == null ? null : contact.avoidAgent().value()));
        changes.add(Updates.set("lastOutcome", contact.lastOutcome() == null ? null : name(contact.lastOutcome())));
        return changes;
    }

    static Document toDocument(Contact contact) {
        ContactDetails details = contact.details();
        return new Document("_id", contact.id())
                .append("campaignId", contact.campaign().value())
                .append("number", contact.number())
                .append("zone", contact.zone().getId())
                .append("name", details.name())
                .append("subject", details.subject())
                .append("originalDate", details.originalDate() == null ? null : details.originalDate().toString())
                .append("caseId", details.caseId())
                .append("preferredAgent", contact.preferredAgent() == null ? null : contact.preferredAgent().value())
                .append("avoidAgent", contact.avoidAgent() == null ? null : contact.avoidAgent().value())
                .append("status", name(contact.status()))
                .append("attempts", contact.attempts())
                .append("nextAttemptAt", contact.nextAttemptAt() == null ? null : Date.from(contact.nextAttemptAt()))
                .append("deadline", Date.from(contact.deadline()))
                .append("lastOutcome", contact.lastOutcome() == null ? null : name(contact.lastOutcome()));
    }

    static Contact fromDocument(Document doc) {
        String originalDate = doc.getString("originalDate");
        String preferred = doc.getString("preferredAgent");
        String avoid = doc.getString("avoidAgent");
        String outcome = doc.getString("lastOutcome");
        Date next = doc.getDate("nextAttemptAt");
        return new Contact(doc.getString("_id"), new CampaignId(doc.getString("campaignId")), doc.getString("number"),
                ZoneId.of(doc.getString("zone")),
                new ContactDetails(doc.getString("name"), doc.getString("subject"),
                        originalDate == null ? null : LocalDate.parse(originalDate), doc.getString("caseId")),
                preferred == null ? null : new AgentId(preferred), avoid == null ? null : new AgentId(avoid),
                value(ContactStatus.class, doc.getString("status")), doc.getInteger("attempts", 0),
                next == null ? null : next.toInstant(), doc.getDate("deadline").toInstant(),
                outcome == null ? null : value(AttemptOutcome.class, outcome));
    }
}
