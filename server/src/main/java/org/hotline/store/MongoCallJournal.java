package org.hotline.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.call.CallEvent;
import org.hotline.call.CallId;
import org.hotline.call.CallJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps call events in MongoDB, one document per call, each event written on its own as an
 * upsert so that the record grows while the call goes on. Writes run on one dedicated thread in
 * the order they were appended, so {@link #append} never waits for MongoDB; while MongoDB is
 * away the writer retries, and events that cannot be kept are logged and counted, never
 * allowed to block the calls.
 */
public final class MongoCallJournal implements CallJournal, AutoCloseable {

    public static final int DEFAULT_CAPACITY = 100_000;

    private static final Logger log = LoggerFactory.getLogger(MongoCallJournal.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final FindOneAndUpdateOptions UPSERT_AND_READ = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(5);
    /** A full queue drops every event until it drains: log the first and then every this many. */
    private static final long LOG_EVERY_DROPPED = 1_000;

    private final MongoCollection<Document> calls;
    private final Clock clock;
    private final WriteRetry retry;
    private final ThreadPoolExecutor writer;
    private final PendingWork pending = new PendingWork();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Predicate<CallEvent> recordWanted = event -> false;
    private volatile Consumer<Document> recordListener = record -> { };
    private volatile CallLedger ledger;

    public MongoCallJournal(MongoCollection<Document> calls, Clock clock) {
        this(calls, clock, WriteRetry.standard(), DEFAULT_CAPACITY);
    }

    /**
     * @param clock    stamps each write's {@code updatedAt}
     * @param capacity events that may wait for the writer before new ones are dropped
     */
    public MongoCallJournal(MongoCollection<Document> calls, Clock clock, WriteRetry retry, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.calls = Objects.requireNonNull(calls);
        this.clock = Objects.requireNonNull(clock);
        this.retry = Objects.requireNonNull(retry);
        // one thread keeps each call's events in order; a bounded queue keeps memory bounded
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), runnable -> {
            Thread thread = new Thread(runnable, "call-journal-writer");
            thread.setDaemon(true); // close() drains; a forgotten close must not keep the JVM alive
            return thread;
        });
    }

    /** Queues the event's write and returns at once. */
    @Override
    public void append(CallId id, CallEvent event) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        pending.added();
        try {
            writer.execute(() -> write(id, event));
        } catch (RejectedExecutionException e) {
            finished();
            long total = dropped.incrementAndGet();
            long count = rejected.incrementAndGet();
            if (count == 1 || count % LOG_EVERY_DROPPED == 0) {
                log.error("call {}: {} event dropped, {} ({} dropped so far)", id, event.getClass().getSimpleName(),
                        writer.isShutdown() ? "the journal is closed" : "the write queue is full", total);
            }
        }
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

    /** Waits until every queued write is done (written or dropped); false if time ran out first. */
    public boolean awaitIdle(Duration timeout) {
        return pending.awaitIdle(timeout);
    }

    /** Events that were not written: queue full, journal closed, or MongoDB failing for too long. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued for up to a few seconds, then drops the rest (logged and counted). */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (writer.awaitTermination(CLOSE_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            List<Runnable> left = writer.shutdownNow(); // interrupts the write in progress, which drops itself
            left.forEach(unused -> finished());
            dropped.addAndGet(left.size());
            log.error("call journal closed with {} event(s) not written", left.size());
            writer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void write(CallId id, CallEvent event) {
        try {
            Bson update = CallUpdate.of(event, clock.instant());
            Bson filter = Filters.eq("_id", id.value());
            long giveUpAt = System.nanoTime() + retry.giveUpAfter().toNanos();
            boolean wanted = recordWanted.test(event);
            for (int retries = 0; ; retries++) {
                try {
                    noteInLedger(id, event); // before the record: written twice on a retry, harmlessly
                    Document record = null;
                    if (wanted) {
                        record = calls.findOneAndUpdate(filter, update, UPSERT_AND_READ);
                    } else {
                        calls.updateOne(filter, update, UPSERT);
                    }
                    if (retries > 0) {
                        log.info("call {}: {} written after {} retries", id, event.getClass().getSimpleName(), retries);
                    }
                    if (record != null) {
                        handOn(id, event, record);
                    }
                    return;
                } catch (MongoException e) {
                    Duration delay = retry.delay(retries);
                    if (!worthRetrying(e) || System.nanoTime() + delay.toNanos() - giveUpAt > 0) {
                        drop(id, event, e);
                        return;
                    }
                    if (retries == 0) {
                        log.warn("call {}: writing {} failed, retrying: {}", id, event.getClass().getSimpleName(), e.toString());
                    }
                    Thread.sleep(delay);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(id, event, e);
        } catch (RuntimeException e) {
            drop(id, event, e); // a malformed event must not stop the writer
        } finally {
            finished();
        }
    }

    private void noteInLedger(CallId id, CallEvent event) {
        CallLedger kept = ledger;
        if (kept != null && (event instanceof CallEvent.Arrived || event instanceof CallEvent.FlowStarted)) {
            kept.record(id.value(), event.at()); // both may set the arrival: it is the earlier of the two
        }
    }

    private void handOn(CallId id, CallEvent event, Document record) {
        try {
            recordListener.accept(record);
        } catch (RuntimeException e) {
            log.warn("call {}: after writing {}: {}", id, event.getClass().getSimpleName(), e.toString());
        }
    }

    private static boolean worthRetrying(MongoException e) {
        if (e instanceof MongoInterruptedException || Thread.currentThread().isInterrupted()) {
            return false; // closing
        }
        if (e instanceof MongoWriteException write) {
            // the server refused this document (too large, invalid); only a racing upsert is worth another try
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return true;
    }

    private void drop(CallId id, CallEvent event, Exception cause) {
        long count = dropped.incrementAndGet();
        log.error("call {}: {} event at {} dropped ({} dropped so far): {}", id, event.getClass().getSimpleName(), event.at(),
                count, cause.toString());
    }

    private void finished() {
        pending.done(1);
    }
}
