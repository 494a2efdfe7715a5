package org.hotline.server;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.cases.Casework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for cases whose reply deadline passed, on a timer; the look itself runs off the event
 * loop, and a look still running when the timer fires again is not doubled.
 */
final class CaseDeadlineWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaseDeadlineWatch.class);

    private final Vertx vertx;
    private final long timer;
    private final AtomicBoolean looking = new AtomicBoolean();

    private CaseDeadlineWatch(Vertx vertx, Casework casework, Duration first, Duration every) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(first.toMillis(), every.toMillis(), id -> {
            if (!looking.compareAndSet(false, true)) {
                return;
            }
            vertx.executeBlocking(casework::checkDeadlines, false).onComplete(done -> {
                looking.set(false);
                if (done.failed()) {
                    LOG.warn("case deadlines not checked now: {}", done.cause().toString());
                } else if (done.result() > 0) {
                    LOG.info("{} case(s) past their reply deadline", done.result());
                }
            });
        });
    }

    static CaseDeadlineWatch start(Vertx vertx, Casework casework, Duration first, Duration every) {
        return new CaseDeadlineWatch(vertx, casework, first, every);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
