package org.hotline.server;

import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.hotline.config.HotlineConfig;
import org.hotline.live.LiveFeed;
import org.hotline.prompts.PromptLibrary;
import org.hotline.store.DayAudit;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.telephony.ami.AmiLink;
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

    private final Deque<AutoCloseable> parts;
    private final int httpPort;
    private final AmiLink ami;
    private final LiveFeed live;

    private HotlineServer(Deque<AutoCloseable> parts, int httpPort, AmiLink ami, LiveFeed live) {
        this.parts = parts;
        this.httpPort = httpPort;
        this.ami = ami;
        this.live = live;
    }

    public static HotlineServer start(HotlineConfig config, Clock clock) throws Exception {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        Instant startedAt = clock.instant();
        try {
            PromptLibrary.verify(config.promptsDir(), config.company());
            StoreModule store = StoreModule.open(config, clock, parts);
            if (store.heldByAnother().isPresent()) {
                return standby(config, store.heldByAnother().get(), parts);
            }
            RecordsModule records = RecordsModule.start(config, clock, store, parts);

            Platform platform = Platform.start(config, clock, parts);
            OutboundLines lines = OutboundLines.of(platform);
            FloorModule floor = FloorModule.start(platform, store, records, lines);
            TelephonyModule telephony = TelephonyModule.start(platform, startedAt, store, records, lines, floor);
            UpkeepModule upkeep = UpkeepModule.start(platform, store, records);
            CampaignsModule campaigns = CampaignsModule.start(platform, store, records, lines, floor);
            HttpServer http = WebModule.start(platform, store, records, telephony, floor, upkeep, campaigns);
            // Closed first: a graceful stop lets conversations end before the scripts and the AMI link go.
            AmiLink ami = telephony.ami();
            parts.push(() -> {
                long started = System.nanoTime();
                floor.floor().drain(config.callbacks().drainLimit(), ami::isConnected);
                campaigns.runner().drain(config.callbacks().drainLimit().minusNanos(System.nanoTime() - started));
            });
            LOG.info("Hotline up: HTTP {}:{}, FastAGI {}:{}, AMI {}:{}", config.http().bindAddress(), http.actualPort(),
                    config.agi().bindAddress(), config.agi().port(), config.ami().host(), config.ami().port());
            return new HotlineServer(parts, http.actualPort(), ami, platform.live());
        } catch (Exception | Error e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Another server runs this store's floor: this one answers health alone, naming it, and runs nothing else. */
    private static HotlineServer standby(HotlineConfig config, org.hotline.store.StoreLease.Holder holder,
                                         Deque<AutoCloseable> parts) throws Exception {
        LOG.error("another server runs the floor of this store ({}): this server does not run the floor, the callback desk, "
                + "the campaign dialers or the schedulers; it stays on standby", holder.describe());
        StandbyHealth standby = StandbyHealth.start(config.http(), holder);
        parts.push(standby);
        return new HotlineServer(parts, standby.port(), null, null);
    }

    /** The day's audit against Asterisk's CEL file ({@code bin/hotline audit DAY}, {@code GET /api/reports/audit}). */
    static DayAudit dayAudit(HotlineConfig config, MongoStore store, HourlyRollups rollups) {
        return new DayAudit(new org.hotline.audit.CelAudit(config.ivr().hotlineContext(),
                org.hotline.audit.AuditRules.of(config.reports()), config.centre().timeZone()),
                config.celFile(), new org.hotline.store.AuditRecords(store.calls()), rollups);
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean amiConnected() {
        return ami != null && ami.isConnected();
    }

    /** Where events for agent desktops and wall boards are published ({@code GET /api/live}). */
    LiveFeed live() {
        return live;
    }

    @Override
    public void close() {
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
