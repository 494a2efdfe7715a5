package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.Objects;
import java.util.function.Predicate;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.routing.OpenRequests;
import org.hotline.shared.Skill;

/**
 * Each customer's one open callback request per queue, in {@value #COLLECTION}: {@code _id} is the
 * queue and the customer's number, so the store itself refuses a second holder (the unique
 * {@code _id}); taking over a stale claim is a conditional write on the holder it saw.
 */
public final class MongoOpenRequests implements OpenRequests {

    static final String COLLECTION = "callbackClaims";
    private static final int TRIES = 5;

    private final MongoCollection<Document> claims;
    private final StoreFence fence;

    public MongoOpenRequests(MongoCollection<Document> claims) {
        this(claims, StoreFence.none());
    }

    /** Each claim and release carries the lease's token and is refused once another server holds the lease. */
    public MongoOpenRequests(MongoCollection<Document> claims, StoreFence fence) {
        this.claims = Objects.requireNonNull(claims);
        this.fence = Objects.requireNonNull(fence);
    }

    @Override
    public CallId claim(Skill queue, String customer, CallId call, Predicate<CallId> stillOpen) {
        String key = key(queue, customer);
        StoreFence.Token token = fence.check();
        for (int i = 0; i < TRIES; i++) {
            try {
                claims.insertOne(token.stamp(new Document("_id", key).append("call", call.value()), StoreFence.FIELD));
                return call;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document held = claims.find(eq("_id", key)).first();
            if (held == null) {
                continue; // let go meanwhile: try again
            }
            CallId holder = new CallId(held.getString("call"));
            if (holder.equals(call) || stillOpen.test(holder)) {
                return holder;
            }
            // A claim left by a request that closed without letting go: taken over only if still that holder's.
            if (claims.updateOne(token.admits(and(eq("_id", key), eq("call", holder.value())), StoreFence.FIELD),
                    token.stamp(Updates.set("call", call.value()), StoreFence.FIELD)).getModifiedCount() == 1) {
                return call;
            }
        }
        throw new IllegalStateException("the callback request of a customer in " + queue + " could not be claimed");
    }

    @Override
    public void release(Skill queue, String customer, CallId call) {
        StoreFence.Token token = fence.check();
        claims.deleteOne(token.admits(and(eq("_id", key(queue, customer)), eq("call", call.value())), StoreFence.FIELD));
    }

    private static String key(Skill queue, String customer) {
        return queue.name() + "|" + customer;
    }
}
