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

    /** The token of the server that wrote the try: a newer one on the record refuses an older server's write. */
    static final String TOKEN = FIELD + "." + StoreFence.FIELD;

    private final MongoCollection<Document> calls;
    private final StoreFence fence;

    public MongoDialling(MongoCollection<Document> calls) {
        this(calls, StoreFence.none());
    }

    /** Each write carries the lease's token and is refused once another server holds the lease. */
    public MongoDialling(MongoCollection<Document> calls, StoreFence fence) {
        this.calls = Objects.requireNonNull(calls);
        this.fence = Objects.requireNonNull(fence);
    }

    /** Throws when refused by the lease: then nothing is dialled. */
    @Override
    public void dialling(CallId request, int attempt, AgentId agent, String channel, Instant at) {
        StoreFence.Token token = fence.check();
        token.upsert(calls, eq("_id", request.value()), TOKEN, Updates.set(FIELD, token.stamp(new Document("state", DIALLING)
                .append("attempt", attempt).append("agent", agent.value()).append("channel", channel)
                .append("since", Date.from(at)), StoreFence.FIELD)), "callback " + request.value() + "'s try");
    }

    @Override
    public void settled(CallId request, String channel, String outcome, Instant at) {
        StoreFence.Token token = fence.check();
        calls.updateOne(token.admits(and(eq("_id", request.value()), eq(FIELD + ".channel", channel)), TOKEN), token.stamp(
                Updates.combine(Updates.set(FIELD + ".state", "settled"), Updates.set(FIELD + ".outcome", outcome),
                        Updates.set(FIELD + ".settledAt", Date.from(at))), TOKEN));
    }
}
