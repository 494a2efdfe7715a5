package org.hotline.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hotline.http.DegradedPart;
import org.hotline.lease.ActiveLease;
import org.hotline.lease.LeaseStanding;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.store.Recounter;
import org.hotline.store.RecountMarks;
import org.hotline.store.ServerIdentity;
import org.hotline.store.SpoolFile;
import org.hotline.store.StoreFence;
import org.hotline.store.StoreLease;
import org.hotline.store.StoreSpool;
import org.hotline.store.StoreWatch;
import org.hotline.store.WriteRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps the hotline whole while its store comes and goes: the spool of writes, the hours to
 * count again, the watch on MongoDB and the store's lease. Files live in the data directory's
 * {@code spool/}; the server's id (for the lease) in the data directory.
 */
final class StoreUpkeep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUpkeep.class);
    static final String SPOOL_DIR = "spool";
    static final String SPOOL_SUFFIX = ".spool";
    /** A holder that stops renewing loses the lease after this long (it stops dialling after two thirds of it). */
    static final Duration LEASE_TIME_TO_LIVE = Duration.ofSeconds(15);
    static final Duration WATCH_EVERY = Duration.ofSeconds(2);
    static final Duration RECOUNT_EVERY = Duration.ofSeconds(15);

    private final StoreSpool spool;
    private final RecountMarks marks;
    private final StoreLease lease;
    private final StoreFence fence;
    private final StoreWatch watch;
    private final Optional<StoreLease.Holder> heldByAnother;
    private Recounter recounter;
    private AutoCloseable afterTheSpool;

    private StoreUpkeep(StoreSpool spool, RecountMarks marks, StoreLease lease, StoreWatch watch,
                        Optional<StoreLease.Holder> heldByAnother) {
        this.spool = spool;
        this.marks = marks;
        this.lease = lease;
        this.fence = StoreFence.of(lease);
        this.watch = watch;
        this.heldByAnother = heldByAnother;
    }

    /** Opens the spool and, if the store answers, takes its lease (or learns who holds it). */
    /** @param web where this server serves its pages and API to the standbys while it holds the lease ({@code host:port}) */
    static StoreUpkeep open(Path dataDir, MongoStore store, String database, Clock clock, String web) throws IOException {
        Path dir = dataDir.resolve(SPOOL_DIR);
        // one spool per database: servers of different stores may share a data directory
        StoreSpool spool = new StoreSpool(SpoolFile.open(dir.resolve(database + SPOOL_SUFFIX)), WriteRetry.standard());
        RecountMarks marks = RecountMarks.open(dir.resolve(database + ".recount-hours"));
        StoreLease lease = new StoreLease(store.lease(), ServerIdentity.of(dataDir), clock,
                LEASE_TIME_TO_LIVE);
        lease.advertise(web);
        boolean up = store.reachable(); // asked once, by the store's start: no second wait
        Optional<StoreLease.Holder> other = Optional.empty();
        if (up) {
            try {
                other = lease.take();
            } catch (RuntimeException e) {
                LOG.warn("the store's lease could not be read ({}); taken once the store answers", e.toString());
            }
        } else {
            LOG.warn("{}: this server answers calls and keeps their records in {} until MongoDB is back; "
                    + "it dials no callback or campaign until it holds the store's lease", store.unreachable(), dir);
        }
        return new StoreUpkeep(spool, marks, lease, new StoreWatch(store, lease, up), other);
    }

    /** Tries to take the store's lease: empty when taken, else its holder. Throws when the store is away. */
    Optional<StoreLease.Holder> takeLease() {
        return lease.take();
    }

    /** Runs {@code task} when another server took the store's lease over from this one. */
    void whenLeaseLost(Runnable task) {
        lease.whenLost(task);
    }

    /** Who else holds the store's lease, when this server found it taken at start. */
    Optional<StoreLease.Holder> heldByAnother() {
        return heldByAnother;
    }

    StoreSpool spool() {
        return spool;
    }

    RecountMarks marks() {
        return marks;
    }

    ActiveLease lease() {
        return lease;
    }

    /** The store's lease itself, for the journal (which writes only what this server recorded as the active one). */
    StoreLease storeLease() {
        return lease;
    }

    /** What the floor's and the dialers' writes ask before they change anything (see docs/resilience.md). */
    StoreFence fence() {
        return fence;
    }

    LeaseStanding standing() {
        return lease.standing();
    }

    StoreWatch watch() {
        return watch;
    }

    /** Starts writing the spool (what a killed run left first), watching the store and counting failed hours again. */
    void start(HourlyRollups rollups) {
        spool.start();
        watch.start(WATCH_EVERY);
        recounter = new Recounter(rollups, marks, () -> watch.up() && spool.waiting() == 0).start(RECOUNT_EVERY);
    }

    /** Runs {@code task} now if the store answered at start, else once it answers. */
    void whenStoreUp(Runnable task) {
        if (watch.up()) {
            task.run();
        } else {
            watch.onceUp(task);
        }
    }

    /** Runs {@code task} once this server holds the store's lease (now, if it does). */
    void whenLeaseHeld(Runnable task) {
        if (lease.stillHeld()) {
            task.run();
        } else {
            watch.onceLeaseHeld(task);
        }
    }

    /** Closes {@code part} right after the spool (which hands it its last writes). */
    void closeAfterTheSpool(AutoCloseable part) {
        this.afterTheSpool = part;
    }

    /** Health: the store (degraded while away) and the lease (degraded while this server does not hold it). */
    DegradedPart storeHealth() {
        return DegradedPart.of(watch::up, () -> watch.problem() + "; " + spool.waiting() + " write(s) spooled");
    }

    DegradedPart leaseHealth() {
        return DegradedPart.of(lease::stillHeld, () -> "this server does not hold the store's lease, so it dials no "
                + "callback or campaign: " + lease.lastSeen().map(StoreLease.Holder::describe).orElse("the store has not answered yet"),
                () -> details(lease.standing()));
    }

    /** What health says of the lease, up or down: active or standby, the tokens, the holder and its last take-over. */
    static java.util.Map<String, Object> details(LeaseStanding standing) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("role", standing.role());
        details.put("token", standing.token());
        java.util.Map<String, Object> holder = new java.util.LinkedHashMap<>();
        holder.put("server", standing.holder());
        holder.put("host", standing.holderHost());
        holder.put("token", standing.holderToken());
        holder.put("since", standing.lastTakeover().toString());
        details.put("holder", holder);
        details.put("lastTakeover", standing.lastTakeover().toString());
        return details;
    }

    @Override
    public void close() {
        if (recounter != null) {
            recounter.close();
        }
        watch.close();
        spool.close();
        if (afterTheSpool != null) {
            try {
                afterTheSpool.close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        lease.release();
    }
}
