package org.hotline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.lease.LeaseStanding;
import org.junit.jupiter.api.Test;

/** Prometheus tells the active server from a standby, with the tokens, the holder's host and the last take-over. */
class LeaseMetersTest {

    private static final Instant TAKEN = Instant.parse("2026-12-06T06:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<LeaseStanding> standing =
            new AtomicReference<>(new LeaseStanding(true, 3, "server-a", "host-a", 3, TAKEN));
    private final LeaseMeters lease = new LeaseMeters(standing::get, meters);

    @Test
    void theActiveServerShowsItsTokenAndItselfAsHolder() {
        assertThat(meters.get("hotline.lease.active").gauge().value()).isEqualTo(1);
        assertThat(meters.get("hotline.lease.token").gauge().value()).isEqualTo(3);
        assertThat(meters.get("hotline.lease.holder.token").gauge().value()).isEqualTo(3);
        assertThat(meters.get("hotline.lease.last.takeover").gauge().value()).isEqualTo(TAKEN.getEpochSecond());
        assertThat(meters.get("hotline.lease.holder").tags("server", "server-a", "host", "host-a").gauge().value()).isEqualTo(1);
    }

    @Test
    void afterATakeOverItShowsStandbyAndTheNewHolderAlone() {
        Instant later = TAKEN.plusSeconds(60);
        standing.set(new LeaseStanding(false, 0, "server-b", "host-b", 4, later));
        lease.refresh();

        assertThat(meters.get("hotline.lease.active").gauge().value()).isZero();
        assertThat(meters.get("hotline.lease.token").gauge().value()).isZero();
        assertThat(meters.get("hotline.lease.holder.token").gauge().value()).isEqualTo(4);
        assertThat(meters.get("hotline.lease.last.takeover").gauge().value()).isEqualTo(later.getEpochSecond());
        assertThat(meters.find("hotline.lease.holder").gauges()).singleElement()
                .satisfies(holder -> assertThat(holder.getId().getTag("host")).isEqualTo("host-b"));
    }
}
