package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;
import org.hotline.routing.DiallingLog;

/**
 * A callback's dialling state on its call record, {@code callback.dialling}: {@code {state:
 * "dialling", attempt, agent, channel, since}} written (acknowledged) before the Originate, then
 * {@code state: "settled", outcome, settledAt}. Written directly, not through the journal: it must
 * be in the store before anything is dialled.
 */
public final class MongoDialling implements DiallingLog {

    static final String FIELD = CallUpdate.CALLBACK + ".dialling";
    static final String DIALLING = "dialling";

    private final MongoCollection<Document> calls;

    public MongoDialling(MongoCollection<Document> calls) {
        this.calls = Objects.requireNonNull(calls);
    }

    @Override
    public void dialling(CallId request, int attempt, AgentId agent, String channel, Instant at) {
        calls.updateOne(eq("_id", request.value()), Updates.set(FIELD, new Document("state", DIALLING)
                .append("attempt", attempt).append("agent", agent.value()).append("channel", channel)
                .append("since", Date.from(at))), new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public void settled(CallId request, String channel, String outcome, Instant at) {
        calls.updateOne(and(eq("_id", request.value()), eq(FIELD + ".channel", channel)), Updates.combine(
                Updates.set(FIELD + ".state", "settled"), Updates.set(FIELD + ".outcome", outcome),
                Updates.set(FIELD + ".settledAt", Date.from(at))));
    }
}
