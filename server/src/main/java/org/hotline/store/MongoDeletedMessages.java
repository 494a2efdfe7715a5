package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.hotline.call.DeletedMessages;
import org.hotline.shared.CallId;

/**
 * A message's deletion on its call's record, {@code message.deletedAt}, beside what the message was:
 * only a record that carries a message is marked (the callback task of it stays as it was).
 */
public final class MongoDeletedMessages implements DeletedMessages {

    private static final String DELETED_AT = "deletedAt";

    private final MongoCollection<Document> calls;

    public MongoDeletedMessages(MongoCollection<Document> calls) {
        this.calls = Objects.requireNonNull(calls);
    }

    @Override
    public void mark(CallId call, Instant at) {
        calls.updateOne(and(eq("_id", call.value()), exists("message")), Updates.set("message." + DELETED_AT, Date.from(at)));
    }

    @Override
    public Optional<Instant> deletedAt(CallId call) {
        Document record = calls.find(eq("_id", call.value())).projection(Projections.include("message." + DELETED_AT)).first();
        Document message = record == null ? null : record.get("message", Document.class);
        Date at = message == null ? null : message.getDate(DELETED_AT);
        return Optional.ofNullable(at).map(Date::toInstant);
    }
}
