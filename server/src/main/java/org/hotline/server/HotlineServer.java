package org.hotline.server;

import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.config.HotlineConfig;
import org.hotline.live.LiveFeed;
import org.hotline.prompts.PromptLibrary;
import org.hotline.store.DayAudit;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.store.StoreLease;
import org.hotline.telephony.ami.AsteriskNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hotline, started in this order: the store and its records, Vert.x and the live
 * channel, the floor, telephony (FastAGI and AMI), the timers, the campaigns, the web. Each module
 * builds its part and keeps what must be closed in {@code parts}, closed in the reverse order.
 * Start-up fails fast (bad prompts, store or ports); AMI may come later, as Asterisk may start after us.
 */
public final class HotlineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineServer.class);

    /** How often a standby asks whether the store's lease is free. */
    static final Duration TAKEOVER_EVERY = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> parts;
    private final CompletableFuture<Void> failed = new CompletableFuture<>();
    private volatile int httpPort;
    private volatile AsteriskNodes ami;
    private volatile LiveFeed live;
    private boolean closed; // guarded by this
    private volatile boolean superseded;

    private HotlineServer(Deque<AutoCloseable> parts) {
        this.parts = parts;
    }

    /**
     * Starts the server: active when it takes the store's lease, else on standby (health its own, the
     * rest passed to the active server) until the lease is free, when it takes over and starts as the active one.
     */
    public static HotlineServer start(HotlineConfig config, Clock clock) throws Exception {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        HotlineServer server = new HotlineServer(parts);
        try {
            PromptLibrary.verify(config.promptsDir(), config.company());
            StoreModule store = StoreModule.open(config, clock, parts);
            if (store.heldByAnother().isPresent()) {
                server.standBy(config, clock, store, store.heldByAnother().get());
            } else {
                server.run(config, clock, store, clock.instant());
            }
            return server;
        } catch (Exception | Error e) {
            closeAll(parts);
            throw e;
        }
    }

    /** The floor, telephony, timers, campaigns and web, for the server that holds the store's lease. */
    private void run(HotlineConfig config, Clock clock, StoreModule store, Instant startedAt) throws Exception {
        RecordsModule records = RecordsModule.start(config, clock, store, parts);
        Platform platform = Platform.start(config, clock, parts);
        OutboundLines lines = OutboundLines.of(platform);
        FloorModule floor = FloorModule.start(platform, store, records, lines);
        TelephonyModule telephony = TelephonyModule.start(platform, startedAt, store, records, lines, floor);
        UpkeepModule upkeep = UpkeepModule.start(platform, store, records, floor.roster()::activeAgents);
        CampaignsModule campaigns = CampaignsModule.start(platform, store, records, lines, floor);
        HttpServer http = WebModule.start(platform, store, records, telephony, floor, upkeep, campaigns);
        // Closed first: a graceful stop lets conversations end before the scripts and the AMI link go.
        AsteriskNodes nodes = telephony.nodes();
        parts.push(() -> {
            if (superseded) {
                return; // the new active server follows the conversations: nothing to wait for here
            }
            long started = System.nanoTime();
            floor.floor().drain(config.callbacks().drainLimit(), nodes::anyConnected);
            campaigns.runner().drain(config.callbacks().drainLimit().minusNanos(System.nanoTime() - started));
        });
        // A server that was frozen or cut off while another took over must not go on answering
        // calls beside it: it steps down (its service manager starts it again, as a standby).
        store.upkeep().whenLeaseLost(() -> {
            superseded = true;
            failed.completeExceptionally(new IllegalStateException("another server took over this store's floor"));
        });
        this.httpPort = http.actualPort();
        store.upkeep().storeLease().advertise(config.http().advertised(httpPort)); // the standbys pass requests here
        this.ami = nodes;
        this.live = platform.live();
        LOG.info("Hotline up: HTTP {}:{}, FastAGI {}:{}, AMI {}", config.http().bindAddress(), httpPort,
                config.agi().bindAddress(), config.agi().port(), config.nodes().stream()
                        .map(node -> node.name() + " " + node.ami().host() + ":" + node.ami().port()).toList());
    }

    /**
     * Another server runs this store's floor: this one answers health, naming it, passes the pages and
     * the API to it (at the address it wrote with the lease), runs nothing else, and takes over when
     * the holder stops renewing the lease (killed, frozen, cut off, or stopped gracefully). The
     * take-over is an ordinary start from the store and Asterisk: agents' states from the store, the
     * calls still live in Asterisk adopted, the rest settled
     * (see docs/resilience.md).
     */
    private void standBy(HotlineConfig config, Clock clock, StoreModule store, StoreLease.Holder holder)
            throws Exception {
        LOG.error("another server runs the floor of this store ({}): this server does not run the floor, the callback desk, "
                + "the campaign dialers or the schedulers; it stays on standby and takes over if that server stops", holder.describe());
        AtomicReference<StoreLease.Holder> seen =
                new AtomicReference<>(holder);
        StandbyHealth standby = StandbyHealth.start(config.http(), seen::get);
        parts.push(standby);
        httpPort = standby.port();
        parts.push(Takeover.watch(store.upkeep()::takeLease, TAKEOVER_EVERY, seen::set, () -> takeOver(config, clock, store, standby)));
    }

    private void takeOver(HotlineConfig config, Clock clock, StoreModule store, StandbyHealth standby) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant takenAt = clock.instant();
            try {
                parts.remove(standby);
                standby.close(); // frees the port the pages and the API are served on
                run(config, clock, store, takenAt);
                LOG.info("took over the floor in {} ms", Duration.between(takenAt, clock.instant()).toMillis());
            } catch (Exception | Error e) {
                LOG.error("could not take over the floor; this server stops", e);
                closed = true;
                closeAll(parts);
                failed.completeExceptionally(e);
            }
        }
    }

    /**
     * Completes exceptionally when this server must stop: a standby could not take over (its parts
     * are closed by then), or another server took the floor over from this one (it should stop).
     */
    public CompletionStage<Void> failure() {
        return failed;
    }

    /** The day's audit against Asterisk's CEL file ({@code bin/hotline audit DAY}, {@code GET /api/reports/audit}). */
    static DayAudit dayAudit(HotlineConfig config, MongoStore store, HourlyRollups rollups) {
        return new DayAudit(new org.hotline.audit.CelAudit(config.ivr().hotlineContext(),
                org.hotline.audit.AuditRules.of(config.reports()), config.centre().timeZone()),
                new org.hotline.audit.CelFiles(config.celFiles()), new org.hotline.store.AuditRecords(store.calls()), rollups);
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean amiConnected() {
        return ami != null && ami.anyConnected();
    }

    /** Where events for agent desktops and wall boards are published ({@code GET /api/live}). */
    LiveFeed live() {
        return live;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
