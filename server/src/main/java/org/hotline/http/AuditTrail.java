package org.hotline.http;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.hotline.access.AuditEntry;
import org.hotline.access.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes audit entries off the event loop; a store that fails is logged, never fails the request already answered. */
final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final Vertx vertx;
    private final AuditLog log;
    private final Clock clock;

    AuditTrail(Vertx vertx, AuditLog log, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.clock = clock;
    }

    void record(String user, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), user, action, target, detail);
        LOG.info("audit: {} {} {}{}", user, action, target, detail == null ? "" : " (" + detail + ")");
        vertx.executeBlocking(() -> {
            log.record(entry);
            return null;
        }, false).onFailure(e -> LOG.error("audit entry not stored: {} {} {}", user, action, target, e));
    }
}
