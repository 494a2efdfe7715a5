package org.hotline.store;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.hotline.lease.ActiveLease;
import org.hotline.lease.LeaseStanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One active server per store: a lease document ({@value #ID} in {@value #COLLECTION}) naming its
 * holder (the server's id from its state directory, host, pid, since when), a fencing token that
 * grows with each take, and an expiry the holder pushes forward every few seconds (majority write
 * concern). A server takes the lease when it is free, expired, or its own (a server restarted
 * after a kill takes its lease back at once). It counts it as held only for part of its time to
 * live after the last renewal, so it stops dialling before anyone else may take over.
 */
public final class StoreLease implements ActiveLease {

    static final String COLLECTION = "leases";
    static final String ID = "floor";

    /**
     * Who holds the lease, as the store says.
     *
     * @param web where the holder serves its pages and API to the other servers ({@code host:port}), or "" when it said nothing
     */
    public record Holder(String server, String host, long pid, Instant since, Instant expiresAt, long token, String web) {

        public Holder(String server, String host, long pid, Instant since, Instant expiresAt, long token) {
            this(server, host, pid, since, expiresAt, token, "");
        }

        static Holder of(Document lease) {
            return new Holder(lease.getString("holder"), lease.getString("host"),
                    lease.get("pid") instanceof Number pid ? pid.longValue() : 0, instant(lease, "since"),
                    instant(lease, "expiresAt"), lease.get("token") instanceof Number token ? token.longValue() : 0,
                    lease.get("web") instanceof String web ? web : "");
        }

        public String describe() {
            return "held by server " + server + " on " + host + " (pid " + pid + ") since " + since + ", token " + token
                    + ", until " + expiresAt;
        }

        private static Instant instant(Document lease, String field) {
            return lease.getDate(field) == null ? Instant.EPOCH : lease.getDate(field).toInstant();
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoreLease.class);

    private final MongoCollection<Document> leases;
    private final ServerIdentity me;
    private final Clock clock;
    private final Duration timeToLive;
    private volatile long token;
    private volatile Instant heldUntil = Instant.EPOCH;
    private volatile Holder lastSeen;
    private volatile Runnable whenLost = () -> { };
    private volatile String web = "";

    /** @param timeToLive how long a holding lasts without renewal; renew well within it */
    public StoreLease(MongoCollection<Document> leases, ServerIdentity me, Clock clock, Duration timeToLive) {
        // each step of the lease answers within a few seconds or fails: a holder must know where it stands
        this.leases = leases.withWriteConcern(WriteConcern.MAJORITY).withTimeout(5, java.util.concurrent.TimeUnit.SECONDS);
        this.me = Objects.requireNonNull(me);
        this.clock = Objects.requireNonNull(clock);
        this.timeToLive = timeToLive;
    }

    /**
     * Takes the lease if it is free, expired or already this server's (the token grows either way);
     * otherwise leaves it and returns its holder. Throws a MongoException when the store is away.
     */
    public Optional<Holder> take() {
        Instant now = clock.instant();
        Document taken;
        try {
            taken = leases.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", ID),
                            Filters.or(Filters.eq("holder", me.id()), Filters.lt("expiresAt", Date.from(now)))),
                    Updates.combine(Updates.set("holder", me.id()), Updates.set("host", me.host()), Updates.set("pid", me.pid()),
                            Updates.set("since", Date.from(now)), Updates.set("expiresAt", Date.from(now.plus(timeToLive))),
                            Updates.set("web", web), Updates.inc("token", 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        } catch (MongoException e) {
            if (!DuplicateKey.is(e)) {
                throw e;
            }
            Document held = leases.find(Filters.eq("_id", ID)).first();
            if (held == null) {
                throw e; // released meanwhile: the next try takes it
            }
            lastSeen = Holder.of(held);
            return Optional.of(lastSeen);
        }
        long was = token;
        token = ((Number) taken.get("token")).longValue();
        heldUntil = now.plus(safeShare());
        lastSeen = Holder.of(taken);
        if (was == 0) {
            LOG.info("this server holds the store's lease (token {}): it runs the floor's dialling", token);
        }
        return Optional.empty();
    }

    /**
     * Pushes the expiry forward; false when the lease is no longer this server's (another took it
     * over after it expired). Throws a MongoException when the store is away.
     */
    boolean renew() {
        if (token == 0) {
            return false;
        }
        Instant now = clock.instant();
        long matched = leases.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("holder", me.id()), Filters.eq("token", token)),
                Updates.combine(Updates.set("expiresAt", Date.from(now.plus(timeToLive))), Updates.set("web", web))).getMatchedCount();
        if (matched == 0) {
            lost();
            return false;
        }
        heldUntil = now.plus(safeShare());
        return true;
    }

    /** Takes it if not held, renews it if held; never throws (the store may be away). */
    public void keep() {
        try {
            if (token == 0) {
                take().ifPresent(holder -> LOG.debug("the store's lease is {}", holder.describe()));
            } else if (!renew()) {
                take();
            }
        } catch (RuntimeException e) {
            LOG.debug("the store's lease not renewed: {}", e.toString());
        }
    }

    /**
     * Where this server serves its pages and API to the other servers ({@code host:port}): written with
     * the lease when taken and at each renewal, so the standbys pass their requests there.
     */
    public void advertise(String address) {
        this.web = Objects.requireNonNull(address);
    }

    /** Runs {@code task} (on the renewing thread) when a renewal finds that another server took the lease over. */
    public void whenLost(Runnable task) {
        this.whenLost = Objects.requireNonNull(task);
    }

    /** Lets the next server take it at once (a graceful stop). */
    public void release() {
        if (token == 0) {
            return;
        }
        try {
            leases.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("holder", me.id()), Filters.eq("token", token)),
                    Updates.set("expiresAt", Date.from(Instant.EPOCH)));
        } catch (RuntimeException e) {
            LOG.warn("the store's lease not released ({}); it expires within {}", e.toString(), timeToLive);
        }
        token = 0;
        heldUntil = Instant.EPOCH;
    }

    @Override
    public long token() {
        return stillHeld() ? token : 0;
    }

    @Override
    public boolean stillHeld() {
        return token != 0 && clock.instant().isBefore(heldUntil);
    }

    /** Active or standby, with this server's token and the holder the store named last. */
    public LeaseStanding standing() {
        Holder seen = lastSeen;
        boolean active = stillHeld();
        return seen == null ? new LeaseStanding(active, token(), "", "", 0, Instant.EPOCH)
                : new LeaseStanding(active, token(), seen.server(), seen.host(), Math.max(seen.token(), token), seen.since());
    }

    /**
     * The token of this server's last take, even while a renewal is late: the store, not this
     * server's clock, says whether it is still the newest (see {@link StoreFence}). 0 once released or lost.
     */
    long heldToken() {
        return token;
    }

    /** The lease document as the store has it now (null when never taken). */
    Document current() {
        return leases.find(Filters.eq("_id", ID)).first();
    }

    /** The holder the store named last (this server or another), if it was ever read. */
    public Optional<Holder> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    public ServerIdentity me() {
        return me;
    }

    /** Two thirds of the time to live: the holder stops before an expiry others may act on. */
    private Duration safeShare() {
        return timeToLive.multipliedBy(2).dividedBy(3);
    }

    private void lost() {
        LOG.error("this server lost the store's lease (token {}): another server took over; its dialling stops", token);
        token = 0;
        heldUntil = Instant.EPOCH;
        try {
            Document held = leases.find(Filters.eq("_id", ID)).first();
            if (held != null) {
                lastSeen = Holder.of(held);
            }
        } catch (RuntimeException e) {
            LOG.debug("lease not read: {}", e.toString());
        }
        whenLost.run();
    }
}
