package org.hotline.access;

import java.time.Instant;
import java.util.List;

/** Where audit entries are kept: written once, never changed. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), newest first, of one user when given. */
    List<AuditEntry> between(Instant from, Instant to, String user, int limit);
}
