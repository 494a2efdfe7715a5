package org.hotline.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hotline.store.StoreLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standby's watch on the store's lease: it tries to take the lease every {@code every}, and
 * succeeds once the holder released it (a graceful stop) or let it expire (killed, frozen, cut off
 * from the store). The store decides, with a new fencing token, so of several standbys one wins,
 * and a frozen holder that wakes up finds itself fenced off. The winner becomes the active server
 * ({@code becomeActive}, run once on the watch's own thread: never on an event loop).
 */
final class Takeover implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Takeover.class);

    private final Supplier<Optional<StoreLease.Holder>> take;
    private final Runnable becomeActive;
    private final Consumer<StoreLease.Holder> stillHeld;
    // Not a daemon: while the take-over runs on it, the standby's web is closed and the floor's not yet
    // started, and it is the one thread that keeps the JVM from exiting in between.
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(false).name("standby-takeover").factory());
    private volatile boolean taken;

    private Takeover(Supplier<Optional<StoreLease.Holder>> take, Consumer<StoreLease.Holder> stillHeld,
                     Runnable becomeActive) {
        this.take = take;
        this.stillHeld = stillHeld;
        this.becomeActive = becomeActive;
    }

    /**
     * Starts watching.
     *
     * @param take         tries to take the lease: empty when taken, else its holder; throws when the store is away
     * @param stillHeld    told the holder each time the lease is found held by another (for health)
     * @param becomeActive run once, when this server took the lease
     */
    static Takeover watch(Supplier<Optional<StoreLease.Holder>> take, Duration every,
                          Consumer<StoreLease.Holder> stillHeld, Runnable becomeActive) {
        Takeover takeover = new Takeover(take, stillHeld, becomeActive);
        takeover.timer.scheduleWithFixedDelay(takeover::tryOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return takeover;
    }

    private void tryOnce() {
        if (taken) {
            return;
        }
        Optional<StoreLease.Holder> holder;
        try {
            holder = take.get();
        } catch (RuntimeException storeAway) {
            LOG.debug("standby: the store's lease not read: {}", storeAway.toString());
            return;
        }
        if (holder.isPresent()) {
            stillHeld.accept(holder.get());
            return;
        }
        taken = true;
        timer.shutdown(); // no more tries
        LOG.warn("standby: the store's lease was free (its holder stopped or let it expire); this server takes over the floor");
        becomeActive.run();
    }

    @Override
    public void close() {
        if (taken) {
            return; // becoming active: the server's own close stops what it started
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
