package org.hotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The store's spool for Prometheus: {@code hotline_store_spool_waiting}, the writes not yet in the
 * store (in memory or only on disk). Counted by {@link #refresh()} off the event loop, as counting
 * takes the spool's lock, which an append to its file holds; a scrape reads the last count.
 */
public final class SpoolMeters {

    private final IntSupplier waiting;
    private final AtomicInteger counted = new AtomicInteger();

    public SpoolMeters(IntSupplier waiting, MeterRegistry meters) {
        this.waiting = waiting;
        Gauge.builder("hotline.store.spool.waiting", counted, AtomicInteger::get)
                .description("Writes waiting in the spool for the store, in memory or only on disk").register(meters);
    }

    /** Counts the waiting writes again; may wait for the spool's lock, so not on the event loop. */
    public int refresh() {
        int now = waiting.getAsInt();
        counted.set(now);
        return now;
    }
}
