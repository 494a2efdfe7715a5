package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.hotline.call.KeptRecordings;
import org.hotline.shared.CallId;

/** The calls whose recording is still kept ({@code recording} on the record, not {@code recording.deleted}). */
public final class MongoRecordings implements KeptRecordings {

    private static final String STARTED = "recording.startedAt";

    private final MongoCollection<Document> calls;

    public MongoRecordings(MongoCollection<Document> calls) {
        this.calls = calls;
    }

    @Override
    public List<Kept> startedBefore(Instant before, int limit) {
        List<Kept> kept = new ArrayList<>();
        calls.find(and(lt(STARTED, Date.from(before)), exists("recording.deleted", false)))
                .projection(Projections.include(STARTED, "queue.name")).sort(Sorts.ascending(STARTED)).limit(limit)
                .forEach(call -> {
                    Object id = call.get("_id");
                    if (id instanceof String value && CallId.isValid(value)) {
                        Document queue = call.get("queue", Document.class);
                        Date started = call.get("recording", Document.class).getDate("startedAt");
                        kept.add(new Kept(new CallId(value), queue == null ? null : queue.getString("name"), started.toInstant()));
                    }
                });
        return kept;
    }
}
