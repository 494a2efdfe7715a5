package org.hotline.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.call.MessageSweep;
import org.hotline.shared.CallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sweep of messages left without a task once, off the event loop, then again for the
 * calls still going on (a caller recording through the restart, or taken back by the flow) until
 * each is over.
 */
final class MessageSweeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSweeping.class);
    private static final Duration AGAIN = Duration.ofSeconds(10);
    /** Ten minutes: longer than the longest message and a caller taken back to the flow; after that the calls are logged. */
    private static final int TRIES = 60;

    private final MessageSweep sweep;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("message-sweep").factory());

    private MessageSweeping(MessageSweep sweep) {
        this.sweep = sweep;
    }

    static MessageSweeping start(MessageSweep sweep) {
        MessageSweeping sweeping = new MessageSweeping(sweep);
        sweeping.timer.execute(() -> sweeping.then(sweep.sweep(), 1));
        return sweeping;
    }

    private void then(List<CallId> again, int tries) {
        if (!again.isEmpty() && tries >= TRIES) {
            LOG.warn("messages whose calls are still not over (or not in the store): no task made of them: {}", again);
            return;
        }
        if (!again.isEmpty() && !timer.isShutdown()) {
            timer.schedule(() -> {
                try {
                    then(sweep.sweep(again), tries + 1);
                } catch (RuntimeException e) {
                    LOG.warn("messages not swept: {}", e.toString());
                }
            }, AGAIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
