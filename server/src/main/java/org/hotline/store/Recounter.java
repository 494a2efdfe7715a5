package org.hotline.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes each hour whose counting failed, once the store is back and every spooled write is
 * in it (a recompute reads the records, so they must be complete): after an outage the reports
 * equal a recompute.
 */
public final class Recounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recounter.class);

    private final HourlyRollups rollups;
    private final RecountMarks marks;
    private final BooleanSupplier ready;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("rollup-recount").factory());

    /** @param ready whether the store is up and holds every write made so far */
    public Recounter(HourlyRollups rollups, RecountMarks marks, BooleanSupplier ready) {
        this.rollups = rollups;
        this.marks = marks;
        this.ready = ready;
    }

    public Recounter start(Duration every) {
        timer.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Recomputes the marked hours if the store is ready; the number recomputed. */
    public int runOnce() {
        int done = 0;
        for (Instant hour : marks.marked()) {
            if (!ready.getAsBoolean()) {
                return done;
            }
            try {
                int calls = rollups.recompute(hour, hour.plus(1, ChronoUnit.HOURS));
                marks.done(hour);
                done++;
                LOG.info("reports: the hour from {} counted again from its {} record(s) (its counting had failed)", hour, calls);
            } catch (RuntimeException e) {
                LOG.warn("reports: the hour from {} not counted again yet ({}); tried again later", hour, e.toString());
                return done;
            }
        }
        return done;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
