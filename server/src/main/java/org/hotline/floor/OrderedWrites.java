package org.hotline.floor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store writes that must keep their order (desk states, settled tries), done one after another off
 * the event loop. A write that fails is logged and the floor goes on: its memory holds the state.
 */
final class OrderedWrites {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedWrites.class);

    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("floor-writes").factory());

    void write(Runnable work) {
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("floor state not written to the store: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException stopped) {
            LOG.warn("floor state not written: the server is stopping");
        }
    }

    /** Writes still waiting are done (shutdown), up to {@code limit}; none is taken after. */
    void finish(Duration limit) {
        writer.shutdown();
        try {
            writer.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
