package org.hotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Supplier;
import org.hotline.lease.LeaseStanding;

/**
 * The store's lease for Prometheus: {@code hotline_lease_active} (1 active, 0 standby),
 * {@code hotline_lease_token} (this server's fencing token, 0 when it holds none),
 * {@code hotline_lease_holder_token} (the store's newest token),
 * {@code hotline_lease_last_takeover_seconds} (when the holder took the lease, Unix time) and
 * {@code hotline_lease_holder{server, host}} (1 for the holder the store named last).
 */
public final class LeaseMeters {

    private final Supplier<LeaseStanding> standing;
    private final MultiGauge holder;
    private volatile LeaseStanding shown;

    public LeaseMeters(Supplier<LeaseStanding> standing, MeterRegistry meters) {
        this.standing = standing;
        Gauge.builder("hotline.lease.active", () -> standing.get().active() ? 1 : 0)
                .description("1 when this server holds the store's lease and runs the floor, 0 on standby").register(meters);
        Gauge.builder("hotline.lease.token", () -> standing.get().token())
                .description("This server's fencing token; 0 when it holds none").register(meters);
        Gauge.builder("hotline.lease.holder.token", () -> standing.get().holderToken())
                .description("The newest fencing token the store's lease carries").register(meters);
        Gauge.builder("hotline.lease.last.takeover", () -> standing.get().lastTakeover().toEpochMilli() / 1000.0)
                .baseUnit("seconds").description("When the holder took the store's lease (Unix time)").register(meters);
        this.holder = MultiGauge.builder("hotline.lease.holder")
                .description("1 for the server holding the store's lease, by its id and host").register(meters);
        refresh();
    }

    /** Names the holder again when it changed (a take-over); cheap, for a timer. */
    public void refresh() {
        LeaseStanding now = standing.get();
        if (shown != null && shown.holder().equals(now.holder()) && shown.holderHost().equals(now.holderHost())) {
            return;
        }
        shown = now;
        holder.register(now.holder().isEmpty() ? List.of()
                : List.of(MultiGauge.Row.of(Tags.of("server", now.holder(), "host", now.holderHost()), 1)), true);
    }
}
