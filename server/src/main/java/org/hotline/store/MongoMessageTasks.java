package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.hotline.call.MessageCall;
import org.hotline.call.MessageTasks;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;

/**
 * The one callback task of each message, claimed in {@value #COLLECTION} under the call's id: the
 * store's unique {@code _id} refuses a second claim, from a second sweep or a second server. The
 * claim carries the lease's token, so a server that lost the lease makes no task.
 */
public final class MongoMessageTasks implements MessageTasks {

    static final String COLLECTION = "messageTasks";

    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> calls;
    private final StoreFence fence;

    public MongoMessageTasks(MongoCollection<Document> claims, MongoCollection<Document> calls, StoreFence fence) {
        this.claims = Objects.requireNonNull(claims);
        this.calls = Objects.requireNonNull(calls);
        this.fence = Objects.requireNonNull(fence);
    }

    @Override
    public boolean claim(CallId call) {
        StoreFence.Token token = fence.check();
        try {
            claims.insertOne(token.stamp(new Document("_id", call.value()).append("at", new Date()), StoreFence.FIELD));
            return true;
        } catch (MongoException e) {
            if (DuplicateKey.is(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<MessageCall> recordOf(CallId call) {
        Document record = calls.find(eq("_id", call.value()))
                .projection(Projections.fields(Projections.include("caller.number", "language", CallUpdate.ENDED_AT,
                        CallUpdate.CALLBACK, "message"), Projections.elemMatch("events", eq("type", "message-offered"))))
                .first();
        if (record == null) {
            return Optional.empty();
        }
        Document caller = record.get("caller", Document.class);
        String language = record.getString("language");
        List<Document> offered = record.getList("events", Document.class, List.of());
        Document offer = offered.isEmpty() ? null : offered.getFirst();
        String queue = offer == null ? null : offer.getString("queue");
        Date offeredAt = offer == null ? null : offer.getDate("at");
        return Optional.of(new MessageCall(call, caller == null ? null : caller.getString("number"),
                language == null ? Language.ZH : Language.of(language), queue == null ? null : new Skill(queue),
                offeredAt == null ? null : offeredAt.toInstant(), record.get(CallUpdate.ENDED_AT) != null,
                record.get(CallUpdate.CALLBACK) != null || record.get("message") != null));
    }
}
