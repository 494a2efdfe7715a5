package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.access.AuditEntry;
import org.hotline.access.AuditLog;

/**
 * The audit log in MongoDB ({@value #COLLECTION}): {@code {at, user, action, target, detail}}, only
 * ever inserted. The user filter is a value, never a query fragment.
 */
public final class MongoAuditLog implements AuditLog {

    static final String COLLECTION = "audit_log";

    private final MongoCollection<Document> entries;

    public MongoAuditLog(MongoCollection<Document> entries) {
        this.entries = Objects.requireNonNull(entries);
    }

    @Override
    public void record(AuditEntry entry) {
        entries.insertOne(document(entry));
    }

    @Override
    public void recordAll(List<AuditEntry> batch) {
        if (!batch.isEmpty()) {
            entries.insertMany(batch.stream().map(MongoAuditLog::document).toList());
        }
    }

    private static Document document(AuditEntry entry) {
        return new Document("at", Date.from(entry.at()))
                .append("user", entry.user())
                .append("action", entry.action())
                .append("target", entry.target())
                .append("detail", entry.detail());
    }

    @Override
    public List<AuditEntry> between(Instant from, Instant to, String user, int limit) {
        Bson range = and(gte("at", Date.from(from)), lt("at", Date.from(to)));
        List<AuditEntry> found = new ArrayList<>();
        entries.find(user == null ? range : and(range, eq("user", user)))
                .sort(new Document("at", -1)).limit(limit)
                .forEach(document -> found.add(new AuditEntry(document.getDate("at").toInstant(), document.getString("user"),
                        document.getString("action"), document.getString("target"), document.getString("detail"))));
        return found;
    }
}
