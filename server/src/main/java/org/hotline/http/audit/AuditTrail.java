package org.hotline.http.audit;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.access.AuditEntry;
import org.hotline.access.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries off the event loop, cheaply: every read of personal data is an entry, so they
 * are queued and written in batches by one worker at a time, in order. A store that fails is logged,
 * never fails the request already answered.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int BATCH = 500;
    /** Entries waiting while the store is away; past it the oldest are logged as lost rather than memory filled. */
    private static final int MAX_WAITING = 100_000;

    private final Vertx vertx;
    private final AuditLog log;
    private final Clock clock;
    private final Queue<AuditEntry> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();

    public AuditTrail(Vertx vertx, AuditLog log, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.clock = clock;
    }

    public void record(String user, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), user, action, target, detail);
        LOG.info("audit: {} {} {}{}", user, action, target, detail == null ? "" : " (" + detail + ")");
        if (count.incrementAndGet() > MAX_WAITING) {
            AuditEntry lost = waiting.poll();
            count.decrementAndGet();
            LOG.error("audit entry not stored (store away, {} waiting): {}", MAX_WAITING, lost);
        }
        waiting.add(entry);
        writeSoon();
    }

    private void writeSoon() {
        if (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
            vertx.executeBlocking(this::writeWaiting, false).onComplete(done -> {
                writing.set(false);
                if (done.failed()) {
                    LOG.error("audit entries not stored now; kept to try again with the next one: {}", done.cause().toString());
                } else {
                    writeSoon(); // what came in while the last batch was written
                }
            });
        }
    }

    private Void writeWaiting() {
        List<AuditEntry> batch = new ArrayList<>();
        while (!waiting.isEmpty()) {
            batch.clear();
            for (AuditEntry next : waiting) {
                batch.add(next);
                if (batch.size() == BATCH) {
                    break;
                }
            }
            log.recordAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                waiting.poll();
                count.decrementAndGet();
            }
        }
        return null;
    }
}
