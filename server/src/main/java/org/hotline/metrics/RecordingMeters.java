package org.hotline.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The recordings' disk use for Prometheus: {@code hotline_recordings_disk_bytes}. Counted by
 * {@link #refresh()} off the event loop (a directory listing); a scrape reads the last count.
 */
public final class RecordingMeters {

    private final LongSupplier diskUse;
    private final AtomicLong counted = new AtomicLong();

    public RecordingMeters(LongSupplier diskUse, MeterRegistry meters) {
        this.diskUse = diskUse;
        Gauge.builder("hotline.recordings.disk", counted, AtomicLong::get).baseUnit("bytes")
                .description("Bytes the calls' recordings take on disk").register(meters);
    }

    /** Measures the disk use again (blocking). */
    public long refresh() {
        long now = diskUse.getAsLong();
        counted.set(now);
        return now;
    }

    /** The last measure. */
    public long diskBytes() {
        return counted.get();
    }
}
