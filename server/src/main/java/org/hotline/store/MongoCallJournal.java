package org.hotline.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps call events in MongoDB, one document per call, each event an upsert so that the record
 * grows while the call goes on. {@link #append} never waits for MongoDB: events go through the
 * {@link StoreSpool} (on disk first, then into the store in the order they were appended, retried
 * until the store takes them). The events waiting there go in one ordered bulk write (at 100
 * calls/s, some 900 events a second: one round trip each was most of the store's work). Each
 * event's entry carries a write id; one the store may have taken already (replayed from the spool
 * after a crash, or in a batch written again after a failure) is written only where the record
 * does not have it yet, so it is not counted twice ({@link FirstWrites}).
 */
public final class MongoCallJournal implements CallJournal, AutoCloseable {

    static final String TYPE = "event";
    /** On a spooled event recorded while this server did not hold the store's lease: when. */
    private static final String LATE = "late";

    private static final Logger log = LoggerFactory.getLogger(MongoCallJournal.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);
    private static final FindOneAndUpdateOptions UPSERT_AND_READ = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);
    private static final String EVENTS_WRITE_ID = "events." + CallUpdate.WRITE_ID;

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final StoreSpool spool;
    private final boolean ownSpool;
    /** Write ids: this run's random prefix and a counter. */
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final FirstWrites firstWrites = new FirstWrites(run);
    private final AtomicLong sequence = new AtomicLong();
    private volatile Predicate<CallEvent> recordWanted = event -> false;
    private volatile Consumer<Document> recordListener = record -> { };
    private volatile CallLedger ledger;
    private volatile StoreLease lease;
    private final AtomicLong superseded = new AtomicLong();

    /** A journal with a spool of its own in memory (tests, tools): a crash loses what the store has not taken. */
    public MongoCallJournal(MongoCollection<Document> calls, Clock clock) {
        this(calls, clock, StoreSpool.inMemory(), true);
    }

    /** A journal writing through {@code spool}, which the caller starts (after the journal is registered) and closes. */
    public MongoCallJournal(MongoCollection<Document> calls, Clock clock, StoreSpool spool) {
        this(calls, clock, spool, false);
    }

    private MongoCallJournal(MongoCollection<Document> calls, Clock clock, StoreSpool spool, boolean ownSpool) {
        this.calls = Objects.requireNonNull(calls);
        this.clock = Objects.requireNonNull(clock);
        this.spool = Objects.requireNonNull(spool);
        this.ownSpool = ownSpool;
        spool.writeBatchesWith(TYPE, this::write);
        if (ownSpool) {
            spool.start();
        }
    }

    /** Queues the event's write and returns at once. */
    @Override
    public void append(CallId id, CallEvent event) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        String writeId = run + "." + Long.toString(sequence.incrementAndGet(), 36);
        java.time.Instant now = clock.instant();
        boolean count = recordWanted.test(event);
        StoreLease held = lease;
        boolean late = held != null && !held.stillHeld();
        spool.add(TYPE, () -> late ? entry(id, event, now, writeId, count).append(LATE, CallUpdate.date(now))
                : entry(id, event, now, writeId, count));
    }

    /**
     * Writes this server's events only where it was the active server: an event recorded while this
     * server did not hold the store's lease is dropped when the store names another server that
     * took the lease at or before the event (that server had the call then, and records it from
     * Asterisk itself). A server frozen past its lease, or cut off while another took over, so
     * never writes its stale view of a call beside the new active server's; a lone server whose
     * store was away writes everything it kept.
     */
    public void writeOnlyAsActive(StoreLease lease) {
        this.lease = Objects.requireNonNull(lease);
    }

    /** Events dropped because another server was active when they were recorded. */
    public long superseded() {
        return superseded.get();
    }

    /** The spooled form of an event's write (made on the spool's thread). */
    private static Document entry(CallId id, CallEvent event, java.time.Instant now, String writeId, boolean count) {
        Bson update = CallUpdate.of(event, now, writeId);
        Document entry = new Document(StoreSpool.TYPE, TYPE).append("call", id.value()).append("k", writeId)
                .append("kind", event.getClass().getSimpleName())
                .append("u", update.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()))
                .append("count", count);
        if (event instanceof CallEvent.Arrived || event instanceof CallEvent.FlowStarted
                || event instanceof CallEvent.ArrivalStamped) {
            entry.append("arrival", CallUpdate.date(event.at())); // each may set the arrival: the ledger keeps the earlier
        }
        return entry;
    }

    /**
     * Hands the record as it is after each event that {@code which} picks to {@code listener}, on
     * the writer thread (the reports' rollups follow the records this way). The write reads the
     * record back in the same round trip, so the listener need not. It must be quick.
     */
    public void handRecordsTo(Predicate<CallEvent> which, Consumer<Document> listener) {
        this.recordWanted = Objects.requireNonNull(which);
        this.recordListener = Objects.requireNonNull(listener);
    }

    /** Notes each call in the ledger when its arrival (or the flow's start standing in for it) is written. */
    public void keepLedger(CallLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger);
    }

    /** Waits until every appended event is in the store; false if time ran out first. */
    public boolean awaitIdle(Duration timeout) {
        return spool.awaitIdle(timeout);
    }

    /** Events that were not kept: malformed, or refused by the store as they can never be written. */
    public long dropped() {
        return spool.refused();
    }

    /** Closes its own spool (a shared one is closed by its owner). */
    @Override
    public void close() {
        if (ownSpool) {
            spool.close();
        }
    }

    /**
     * Writes spooled events in one ordered bulk write and returns how many of the first are in the
     * store. The bulk stops at the first event the store refuses; most often one the record has
     * already (a replay, or a batch written again after a failure: its upsert finds no record
     * without that event and collides with the record's id). That one is written on its own, which
     * tells a replay from a real refusal.
     */
    private int write(List<Document> entries) {
        if (entries.stream().anyMatch(entry -> entry.containsKey(LATE))) {
            return writeKeeping(entries, supersededBy(lease.current()));
        }
        if (entries.size() == 1) {
            writeOne(entries.getFirst());
            return 1;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>(entries.size());
        for (Document entry : entries) {
            noteArrival(entry);
            updates.add(new UpdateOneModel<>(filterFor(entry), entry.get("u", Bson.class), UPSERT));
        }
        List<String> writeIds = entries.stream().map(entry -> entry.getString("k")).toList();
        int done;
        try {
            calls.bulkWrite(updates, IN_ORDER);
            done = entries.size();
        } catch (MongoBulkWriteException e) {
            firstWrites.doubt(writeIds);
            if (e.getWriteErrors().isEmpty()) {
                throw e; // the writes were taken but not confirmed as asked: the whole batch again
            }
            done = e.getWriteErrors().getFirst().getIndex();
            if (done == 0) {
                writeOne(entries.getFirst());
                return 1;
            }
        } catch (RuntimeException e) {
            firstWrites.doubt(writeIds);
            throw e;
        }
        firstWrites.settle(writeIds.subList(0, done));
        handRecords(entries.subList(0, done));
        return done;
    }

    /**
     * Writes the entries {@code othersToRecord} does not pick, and returns how many of the first entries are
     * done (written, or dropped as another server's to record).
     */
    private int writeKeeping(List<Document> entries, Predicate<Document> othersToRecord) {
        List<Document> kept = new ArrayList<>(entries.size());
        List<Integer> at = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Document entry = entries.get(i);
            if (othersToRecord.test(entry)) {
                superseded.incrementAndGet();
                log.warn("call {}: {} recorded after another server took this store's floor over: not written",
                        entry.getString("call"), entry.getString("kind"));
            } else {
                kept.add(entry.containsKey(LATE) ? without(entry) : entry);
                at.add(i);
            }
        }
        if (kept.isEmpty()) {
            return entries.size();
        }
        int done = write(kept);
        return done == kept.size() ? entries.size() : at.get(done);
    }

    /** Whether the lease {@code held} (the store's now) names another server, active since before the event. */
    private Predicate<Document> supersededBy(Document held) {
        if (held == null || lease.me().id().equals(held.getString("holder")) || !(held.get("since") instanceof Date since)) {
            return entry -> false;
        }
        return entry -> entry.get(LATE) instanceof Date recorded && !recorded.before(since);
    }

    private static Document without(Document entry) {
        Document copy = new Document(entry);
        copy.remove(LATE);
        return copy;
    }

    /** Hands on the records of the written events that {@code handRecordsTo} picked: each call once, read by id. */
    private void handRecords(List<Document> written) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Document entry : written) {
            if (entry.getBoolean("count", false)) {
                wanted.add(entry.getString("call"));
            }
        }
        if (!wanted.isEmpty()) {
            PointReads.each(calls, wanted, this::handOn); // as the batch left them: a later record of a call stands for it
        }
    }

    private void handOn(Document record) {
        try {
            recordListener.accept(record);
        } catch (RuntimeException e) {
            log.warn("call {}: after writing its events: {}", record.get("_id"), e.toString());
        }
    }

    private void noteArrival(Document entry) {
        CallLedger kept = ledger;
        if (kept != null && entry.get("arrival") instanceof Date arrival) {
            kept.record(entry.getString("call"), arrival.toInstant()); // before the record: written twice on a replay, harmlessly
        }
    }

    /**
     * Where the event's write goes: a write this run has not sent before cannot be in the record, and
     * goes by the record's id alone (the embedded store serves only that shape from its index, and
     * would otherwise read every record for each write); one the store may have taken already goes
     * where the record does not have it yet, so that it is applied once.
     */
    private Bson filterFor(Document entry) {
        return firstWrites.isFirst(entry.getString("k")) ? byId(entry) : notYetWritten(entry);
    }

    static Bson byId(Document entry) {
        return new Document("_id", entry.getString("call"));
    }

    /** The record, where it does not have this event yet. */
    static Bson notYetWritten(Document entry) {
        return new Document("_id", entry.getString("call")).append(EVENTS_WRITE_ID, new Document("$ne", entry.getString("k")));
    }

    /** Writes one spooled event: where the record does not have it yet, so that a replay changes nothing. */
    private void writeOne(Document entry) {
        String id = entry.getString("call");
        String writeId = entry.getString("k");
        Bson update = entry.get("u", Bson.class);
        noteArrival(entry);
        Bson filter = filterFor(entry);
        boolean wanted = entry.getBoolean("count", false);
        Document record;
        try {
            if (wanted) {
                record = calls.findOneAndUpdate(filter, update, UPSERT_AND_READ);
            } else {
                calls.updateOne(filter, update, UPSERT);
                record = null;
            }
        } catch (MongoException e) {
            firstWrites.doubt(List.of(writeId));
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            // the record exists but the filter missed it: it has this event already (a replay), or an upsert raced
            Document written = calls.find(new Document("_id", id).append(EVENTS_WRITE_ID, writeId)).first();
            if (written == null) {
                throw e;
            }
            record = wanted ? written : null; // counted again, harmlessly: a call's share is kept once
        }
        firstWrites.settle(List.of(writeId));
        if (record != null) {
            try {
                recordListener.accept(record);
            } catch (RuntimeException e) {
                log.warn("call {}: after writing {}: {}", id, entry.getString("kind"), e.toString());
            }
        }
    }
}
