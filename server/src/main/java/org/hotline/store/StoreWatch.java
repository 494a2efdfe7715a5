package org.hotline.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks MongoDB every few seconds whether it answers, says so plainly in the log when that changes
 * ("cannot reach MongoDB at host:port (MONGO_URI): reason"), keeps the store's lease, and runs
 * what waits for the store (once) when it answers. Health and the store-dependent API read the
 * last answer instead of waiting for one.
 */
public final class StoreWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatch.class);

    private final MongoStore store;
    private final StoreLease lease; // null: no lease kept
    private final List<Runnable> whenUp = new CopyOnWriteArrayList<>();
    private final List<Runnable> whenLeaseHeld = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("store-watch").factory());
    private volatile boolean up;

    public StoreWatch(MongoStore store, StoreLease lease, boolean upAtStart) {
        this.store = store;
        this.lease = lease;
        this.up = upAtStart;
    }

    public StoreWatch start(Duration every) {
        timer.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs {@code task} on the watch's thread the first time the store answers (now, if it does). */
    public void onceUp(Runnable task) {
        whenUp.add(task);
    }

    /** Runs {@code task} on the watch's thread the first time this server holds the store's lease. */
    public void onceLeaseHeld(Runnable task) {
        whenLeaseHeld.add(task);
    }

    public boolean up() {
        return up;
    }

    /** What health says about the store when it is away. */
    public String problem() {
        return up ? "" : "cannot reach MongoDB (MONGO_URI): " + store.lastFailure();
    }

    private void check() {
        boolean now = store.ping();
        if (now != up) {
            if (now) {
                LOG.info("MongoDB at {} answers again", store.address());
            } else {
                LOG.warn("{}; calls are answered and their records kept in the spool until it is back", store.unreachable());
            }
        }
        up = now;
        if (!now) {
            return;
        }
        if (lease != null) {
            lease.keep();
        }
        runOnce(whenUp);
        if (lease != null && lease.stillHeld()) {
            runOnce(whenLeaseHeld);
        }
    }

    private static void runOnce(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            tasks.remove(task);
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("after MongoDB came back: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
