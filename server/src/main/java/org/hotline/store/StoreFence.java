package org.hotline.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The store's side of the lease: every write that dials or changes a floor decision asks here
 * first. {@link #check()} reads the lease document and refuses ({@link FencedOff}) unless it still
 * names this server with its token — so a server that was stopped and wakes after another took
 * over changes nothing, even before its own renewal tells it. The write then carries the token
 * ({@link Token#stamp}) and is conditioned on no newer one being on its document
 * ({@link Token#admits}), which closes the gap between the check and the write for the documents
 * both servers touch.
 */
public final class StoreFence {

    /** The field a fenced document carries its last writer's token in. */
    static final String FIELD = "fence";

    private static final StoreFence NONE = new StoreFence(null);

    private final StoreLease lease;

    private StoreFence(StoreLease lease) {
        this.lease = lease;
    }

    /** Fences writes by {@code lease}: they go through only while the store names this server its holder. */
    public static StoreFence of(StoreLease lease) {
        return new StoreFence(java.util.Objects.requireNonNull(lease));
    }

    /** No fence: a store no other server shares (tests, tools). */
    public static StoreFence none() {
        return NONE;
    }

    /** This server's token, if the store's lease still names it; otherwise {@link FencedOff}. */
    Token check() {
        if (lease == null) {
            return Token.UNFENCED;
        }
        long mine = lease.heldToken();
        if (mine == 0) {
            throw new FencedOff("this server does not hold the store's lease");
        }
        Document held = lease.current();
        if (held == null || !(held.get("token") instanceof Number newest) || newest.longValue() != mine
                || !lease.me().id().equals(held.getString("holder"))) {
            throw new FencedOff("this server's lease (token " + mine + ") was taken over: "
                    + (held == null ? "the store has none" : StoreLease.Holder.of(held).describe()));
        }
        return new Token(mine);
    }

    /** A token checked against the store's lease, for the write that follows. */
    record Token(long value) {

        static final Token UNFENCED = new Token(0);

        /** {@code filter}, and no newer token on the document at {@code field} (a missing one is older). */
        Bson admits(Bson filter, String field) {
            return value == 0 ? filter : Filters.and(filter, Filters.not(Filters.gt(field, value)));
        }

        /** {@code change}, and this token written at {@code field}. */
        Bson stamp(Bson change, String field) {
            return value == 0 ? change : Updates.combine(change, Updates.set(field, value));
        }

        /**
         * Upserts {@code change} on the document {@code filter} finds, unless it carries a newer
         * token at {@code field}: then the upsert's insert finds the id taken, and the write is refused.
         */
        void upsert(MongoCollection<Document> collection, Bson filter, String field, Bson change, String what) {
            try {
                collection.updateOne(admits(filter, field), change, new UpdateOptions().upsert(true));
            } catch (MongoException e) {
                if (DuplicateKey.is(e)) {
                    throw new FencedOff("a newer holder wrote " + what);
                }
                throw e;
            }
        }

        /** {@code document} with this token at {@code field}. */
        Document stamp(Document document, String field) {
            return value == 0 ? document : document.append(field, value);
        }
    }

    /**
     * A write refused: a newer holder of the store's lease exists (or this server holds none). A
     * conflict with the state of things, as a command on a campaign that changed meanwhile is.
     */
    static final class FencedOff extends IllegalStateException {

        FencedOff(String why) {
            super("refused by the store's lease: " + why);
        }
    }
}
