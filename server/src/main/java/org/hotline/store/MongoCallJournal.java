package org.hotline.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
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
 * Keeps call events in MongoDB, one document per call, each event written on its own as an
 * upsert so that the record grows while the call goes on. {@link #append} never waits for
 * MongoDB: events go through the {@link StoreSpool} (on disk first, then into the store in the
 * order they were appended, retried until the store takes them). Each event's entry carries a
 * write id and is written only where the record does not have it yet, so an event replayed from
 * the spool after a crash is not counted twice.
 */
public final class MongoCallJournal implements CallJournal, AutoCloseable {

    static final String TYPE = "event";

    private static final Logger log = LoggerFactory.getLogger(MongoCallJournal.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final FindOneAndUpdateOptions UPSERT_AND_READ = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);
    private static final String EVENTS_WRITE_ID = "events." + CallUpdate.WRITE_ID;

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final StoreSpool spool;
    private final boolean ownSpool;
    /** Write ids: this run's random prefix and a counter. */
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final AtomicLong sequence = new AtomicLong();
    private volatile Predicate<CallEvent> recordWanted = event -> false;
    private volatile Consumer<Document> recordListener = record -> { };
    private volatile CallLedger ledger;

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
        spool.writeWith(TYPE, this::write);
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
        spool.add(TYPE, () -> entry(id, event, now, writeId, count));
    }

    /** The spooled form of an event's write (made on the spool's thread). */
    private static Document entry(CallId id, CallEvent event, java.time.Instant now, String writeId, boolean count) {
        Bson update = CallUpdate.of(event, now, writeId);
        Document entry = new Document(StoreSpool.TYPE, TYPE).append("call", id.value()).append("k", writeId)
                .append("kind", event.getClass().getSimpleName())
                .append("u", update.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()))
                .append("count", count);
        if (event instanceof CallEvent.Arrived || event instanceof CallEvent.FlowStarted) {
            entry.append("arrival", CallUpdate.date(event.at())); // both may set the arrival: the ledger keeps the earlier
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

    /** Writes one spooled event: where the record does not have it yet, so that a replay changes nothing. */
    private void write(Document entry) {
        String id = entry.getString("call");
        String writeId = entry.getString("k");
        Bson update = entry.get("u", Bson.class);
        CallLedger kept = ledger;
        if (kept != null && entry.get("arrival") instanceof Date arrival) {
            kept.record(id, arrival.toInstant()); // before the record: written twice on a replay, harmlessly
        }
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.ne(EVENTS_WRITE_ID, writeId));
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
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            // the record exists but the filter missed it: it has this event already (a replay), or an upsert raced
            Document written = calls.find(Filters.and(Filters.eq("_id", id), Filters.eq(EVENTS_WRITE_ID, writeId))).first();
            if (written == null) {
                throw e;
            }
            record = wanted ? written : null; // counted again, harmlessly: a call's share is kept once
        }
        if (record != null) {
            try {
                recordListener.accept(record);
            } catch (RuntimeException e) {
                log.warn("call {}: after writing {}: {}", id, entry.getString("kind"), e.toString());
            }
        }
    }
}
