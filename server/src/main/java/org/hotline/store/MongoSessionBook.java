package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.access.Role;
import org.hotline.access.SessionBook;
import org.hotline.access.StoredSession;
import org.hotline.access.Viewer;
import org.hotline.shared.AgentId;

/**
 * Open sessions in MongoDB ({@value #COLLECTION}), one document each, keyed by the SHA-256 digest
 * of the token (never the token): {@code {_id: digest, user, role, agent, displayName, openedAt,
 * lastSeen, expiresAt}}. MongoDB removes a session after its {@code expiresAt} (a TTL index; the
 * sessions' own sweep where the store has none), and every read checks the expiry anyway.
 *
 * <p>A session opened, closed, or a user's sessions ended while the store is away go through the
 * {@link StoreSpool}: on disk at once, written when the store is back, in order, even after a
 * restart — a logout is never lost. Ending a user's sessions names the instant it happened, so a
 * replay never ends the sessions they opened after it.
 */
public final class MongoSessionBook implements SessionBook {

    static final String COLLECTION = "sessions";
    static final String SPOOLED = "session";
    private static final int MOST_PER_READ = 1_000;

    private final MongoCollection<Document> sessions;
    private final StoreSpool spool;
    private final Clock clock;

    /** Registers its writes with {@code spool}: built before the spool starts, so a killed run's logouts are written. */
    public MongoSessionBook(MongoCollection<Document> sessions, StoreSpool spool, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.spool = spool.writeWith(SPOOLED, this::writeSpooled);
        this.clock = clock;
    }

    static void createIndexes(MongoCollection<Document> sessions) {
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        sessions.createIndex(Indexes.ascending("user", "openedAt"));
    }

    @Override
    public boolean open(StoredSession session, int mostPerUser) {
        Document document = document(session);
        try {
            sessions.replaceOne(eq("_id", session.digest()), document, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            spool.add(SPOOLED, () -> document.append(StoreSpool.TYPE, SPOOLED).append("do", "open"));
            return false;
        }
        try {
            List<Object> beyond = new ArrayList<>();
            sessions.find(eq("user", session.viewer().user())).sort(new Document("openedAt", -1)).skip(mostPerUser)
                    .projection(new Document("_id", 1)).forEach(old -> beyond.add(old.get("_id")));
            if (!beyond.isEmpty()) {
                sessions.deleteMany(in("_id", beyond));
            }
        } catch (MongoException e) {
            // the bound is kept at the user's next login; this one stands
        }
        return true;
    }

    @Override
    public Optional<StoredSession> find(String digest) throws Unavailable {
        try {
            return Optional.ofNullable(sessions.find(eq("_id", digest)).first()).map(MongoSessionBook::session);
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<StoredSession> findAll(Collection<String> digests) throws Unavailable {
        List<String> all = List.copyOf(digests);
        List<StoredSession> found = new ArrayList<>();
        try {
            if (all.isEmpty()) {
                sessions.find().limit(1).projection(new Document("_id", 1)).first(); // still asks: whether the store answers
            }
            for (int from = 0; from < all.size(); from += MOST_PER_READ) {
                sessions.find(in("_id", all.subList(from, Math.min(all.size(), from + MOST_PER_READ))))
                        .forEach(document -> found.add(session(document)));
            }
        } catch (MongoException e) {
            throw unavailable(e);
        }
        return found;
    }

    @Override
    public void touch(List<StoredSession> used) throws Unavailable {
        if (used.isEmpty()) {
            return;
        }
        try {
            sessions.bulkWrite(used.stream().map(session -> new UpdateOneModel<Document>(eq("_id", session.digest()),
                    Updates.combine(Updates.max("lastSeen", Date.from(session.lastSeen())),
                            Updates.max("expiresAt", Date.from(session.expiresAt()))))).toList(),
                    new BulkWriteOptions().ordered(false));
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void close(String digest) {
        Document closing = new Document("_id", digest);
        try {
            sessions.deleteOne(closing);
        } catch (MongoException e) {
            spool.add(SPOOLED, () -> closing.append(StoreSpool.TYPE, SPOOLED).append("do", "close"));
        }
    }

    @Override
    public void closeAllOf(String user) {
        Document closing = new Document("user", user).append("openedUntil", Date.from(clock.instant()));
        try {
            closeAllOf(closing);
        } catch (MongoException e) {
            spool.add(SPOOLED, () -> closing.append(StoreSpool.TYPE, SPOOLED).append("do", "closeAllOf"));
        }
    }

    @Override
    public void removeExpired(Instant now) throws Unavailable {
        try {
            sessions.deleteMany(lt("expiresAt", Date.from(now)));
        } catch (MongoException e) {
            throw unavailable(e);
        }
    }

    /** A write that waited in the spool; each is idempotent (a replay after a crash changes nothing more). */
    private void writeSpooled(Document entry) {
        switch (entry.getString("do")) {
            case "open" -> {
                Document document = new Document(entry);
                document.remove(StoreSpool.TYPE);
                document.remove("do");
                sessions.replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
            }
            case "close" -> sessions.deleteOne(eq("_id", entry.get("_id")));
            case "closeAllOf" -> closeAllOf(entry);
            default -> throw new IllegalArgumentException("unknown session write " + entry.getString("do"));
        }
    }

    private void closeAllOf(Document closing) {
        sessions.deleteMany(and(eq("user", closing.getString("user")), lte("openedAt", closing.getDate("openedUntil"))));
    }

    private static Unavailable unavailable(MongoException e) {
        return new Unavailable("sessions: " + MongoStore.plainly(e), e);
    }

    private static Document document(StoredSession session) {
        Viewer viewer = session.viewer();
        return new Document("_id", session.digest())
                .append("user", viewer.user())
                .append("role", viewer.role().id())
                .append("agent", viewer.agent() == null ? null : viewer.agent().value())
                .append("displayName", session.displayName())
                .append("openedAt", Date.from(session.openedAt()))
                .append("lastSeen", Date.from(session.lastSeen()))
                .append("expiresAt", Date.from(session.expiresAt()));
    }

    private static StoredSession session(Document document) {
        String agent = document.getString("agent");
        Role role = Role.of(document.getString("role"))
                .orElseThrow(() -> new IllegalStateException("a stored session names role " + document.get("role")));
        return new StoredSession(document.getString("_id"),
                new Viewer(document.getString("user"), role, agent == null ? null : new AgentId(agent)),
                document.getString("displayName"), document.getDate("openedAt").toInstant(),
                document.getDate("lastSeen").toInstant(), document.getDate("expiresAt").toInstant());
    }
}
