package org.hotline.access;

import java.time.Instant;
import java.util.List;

/** Where audit entries are kept: written once, never changed. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Several entries at once, in order: one write where the store allows it. */
    default void recordAll(List<AuditEntry> entries) {
        entries.forEach(this::record);
    }

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive), newest first, of one user when given. */
    List<AuditEntry> between(Instant from, Instant to, String user, int limit);
}
