package org.hotline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The spool's backlog on /metrics is the count taken at the last refresh: a scrape never waits for the spool. */
class SpoolMetersTest {

    @Test
    void aScrapeShowsTheWritesWaitingAtTheLastCount() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicInteger waiting = new AtomicInteger(140);
        SpoolMeters spool = new SpoolMeters(waiting::get, meters);

        assertThat(meters.scrape()).contains("hotline_store_spool_waiting 0.0");
        assertThat(spool.refresh()).isEqualTo(140);
        waiting.set(0);
        assertThat(meters.scrape()).contains("hotline_store_spool_waiting 140.0");
        spool.refresh();
        assertThat(meters.scrape()).contains("hotline_store_spool_waiting 0.0");
    }
}
