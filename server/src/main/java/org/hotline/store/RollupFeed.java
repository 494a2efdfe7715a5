package org.hotline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records of finished calls into the rollups on a thread of its own, taking whatever
 * has come in since its last count as one batch: under load one read and two writes serve many
 * calls, and the journal's writer never waits for the rollups. The hours of a batch that cannot be
 * counted (or of a record that finds the queue full) are marked ({@link RecountMarks}) and
 * recomputed once the store is back.
 */
public final class RollupFeed implements Consumer<Document>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RollupFeed.class);
    /** Records counted in one go at most: a batch's writes stay a few hundred documents. */
    static final int MOST_AT_ONCE = 500;
    /** Records that may wait to be counted before new ones are left to a recompute. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final HourlyRollups rollups;
    private final BlockingQueue<Document> waiting;
    private final PendingWork pending = new PendingWork();
    private final Thread counter;
    private final Consumer<List<Instant>> failedHours;
    private volatile boolean closed;

    /** @param capacity records that may wait before new ones are left to a recompute (and logged) */
    public RollupFeed(HourlyRollups rollups, int capacity) {
        this(rollups, capacity, hours -> { });
    }

    /** @param failedHours marks the arrival times of records not counted, for a recompute of their hours */
    public RollupFeed(HourlyRollups rollups, int capacity, Consumer<List<Instant>> failedHours) {
        this.rollups = rollups;
        this.failedHours = failedHours;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.counter = Thread.ofPlatform().daemon().name("rollup-counter").start(this::run);
    }

    @Override
    public void accept(Document record) {
        pending.added();
        if (closed || !waiting.offer(record)) {
            LOG.warn("call {}: not counted into the rollups ({}); its hour is marked for a recompute",
                    record.get("_id"), closed ? "closed" : "too many waiting");
            markHours(List.of(record));
            pending.done(1);
        }
    }

    /** Waits until every record handed in is counted (or failed); false if time ran out first. */
    public boolean awaitIdle(Duration timeout) {
        return pending.awaitIdle(timeout);
    }

    /** Counts what is waiting for up to a few seconds, then stops. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        awaitIdle(Duration.ofSeconds(5));
        counter.interrupt();
        counter.join(1_000);
    }

    private void markHours(List<Document> records) {
        List<Instant> arrivals = new ArrayList<>();
        for (Document record : records) {
            if (record.get(CallUpdate.ARRIVAL_AT) instanceof Date arrival) {
                arrivals.add(arrival.toInstant());
            }
        }
        try {
            failedHours.accept(arrivals);
        } catch (RuntimeException e) {
            LOG.error("hours not marked for a recompute ({}): {}", e.toString(), arrivals);
        }
    }

    private void run() {
        List<Document> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MOST_AT_ONCE - 1);
            try {
                rollups.count(batch);
            } catch (RuntimeException e) {
                LOG.error("{} finished call(s) not counted into the rollups (their hours are marked for a recompute): {}",
                        batch.size(), MongoStore.plainly(e));
                markHours(batch);
            }
            pending.done(batch.size());
            batch.clear();
        }
    }
}
