package org.hotline.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the hotline's MongoDB database. Starting does not need MongoDB to be up: a
 * hotline must answer calls even while its database is away, so indexes that could not be
 * created at start are created by the first successful {@link #ping()}.
 */
public final class MongoStore implements AutoCloseable {

    static final String CALLS = "calls";
    static final String CUSTOMERS = "customers";

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);
    /** Short, so that a health check answers in seconds while MongoDB is away. */
    private static final int SELECTION_TIMEOUT_SECONDS = 3;
    /** The longest one network round trip may take before the store counts as away. */
    private static final int READ_TIMEOUT_SECONDS = 20;
    /** A ping answers within this, or the store counts as away (health and the watch never wait longer). */
    private static final long PING_TIMEOUT_MILLIS = 2_000;

    private final MongoClient client;
    private final MongoDatabase database;
    private final String address;
    private volatile boolean indexed;
    private volatile boolean reachable;
    private volatile String lastFailure = "not tried yet";

    /**
     * @param connectionString a {@code mongodb://} or {@code mongodb+srv://} URI; its own
     *                         serverSelectionTimeoutMS, if any, is kept
     * @param databaseName     the database holding the {@value #CALLS} collection
     */
    public MongoStore(String connectionString, String databaseName) {
        ConnectionString uri = new ConnectionString(connectionString);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applicationName("hotline");
        if (uri.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        if (uri.getConnectTimeout() == null) {
            settings.applyToSocketSettings(socket -> socket.connectTimeout(SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        if (uri.getSocketTimeout() == null) {
            // a stalled server (stopped, swapping) keeps its connections open and says nothing: without a read
            // time-out a write would wait for it for ever; each round trip of ours is far shorter than this
            settings.applyToSocketSettings(socket -> socket.readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        this.address = String.join(",", uri.getHosts());
        settings.applyToServerSettings(server -> server.addServerMonitorListener(new ServerMonitorListener() {
            @Override
            public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
                lastFailure = plainly(event.getThrowable());
            }
        }));
        this.client = MongoClients.create(settings.build());
        try {
            this.database = client.getDatabase(databaseName);
        } catch (IllegalArgumentException e) {
            client.close();
            throw e;
        }
        if (!createIndexes()) {
            log.warn("{}; the hotline runs without it (writes kept in the spool) and creates its indexes once it answers",
                    unreachable());
        }
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> calls() {
        return database.getCollection(CALLS);
    }

    /** The customer file, keyed by E.164 number. */
    public MongoCollection<Document> customers() {
        return database.getCollection(CUSTOMERS);
    }

    /** The reports' per-hour rollups (see {@link HourlyRollups}). */
    public MongoCollection<Document> rollups() {
        return database.getCollection(HourlyRollups.ROLLUPS);
    }

    /** Agents' time by state, per hour. */
    public MongoCollection<Document> agentTime() {
        return database.getCollection(HourlyRollups.AGENT_TIME);
    }

    /** Which queue × agent cells of the rollups each month has. */
    public MongoCollection<Document> rollupCells() {
        return database.getCollection(HourlyRollups.CELLS);
    }

    /** The agents' time stretches already counted (see {@link AgentTimeRecorder}). */
    public MongoCollection<Document> agentTimeWritten() {
        return database.getCollection(AgentTimeRecorder.WRITTEN);
    }

    /** The callback requests not closed yet (see {@link MongoOpenRequests}). */
    public MongoCollection<Document> openRequests() {
        return database.getCollection(MongoOpenRequests.COLLECTION);
    }

    /** The callback task claimed for each caller's message (see {@link MongoMessageTasks}). */
    public MongoCollection<Document> messageTasks() {
        return database.getCollection(MongoMessageTasks.COLLECTION);
    }

    /** Which server holds the store (see {@link StoreLease}). */
    public MongoCollection<Document> lease() {
        return database.getCollection(StoreLease.COLLECTION);
    }

    /** The calls' ids by arrival hour, for a recompute (see {@link CallLedger}). */
    public MongoCollection<Document> callLedger() {
        return database.getCollection(CallLedger.COLLECTION);
    }

    /** The reports made on a schedule. */
    public MongoCollection<Document> storedReports() {
        return database.getCollection(StoredReports.COLLECTION);
    }

    /** Each finished call's share of the rollups. */
    public MongoCollection<Document> callTallies() {
        return database.getCollection(HourlyRollups.SHARES);
    }

    /** Outbound campaigns. */
    public MongoCollection<Document> campaigns() {
        return database.getCollection(MongoCampaigns.COLLECTION);
    }

    /** The contacts of every campaign. */
    public MongoCollection<Document> campaignContacts() {
        return database.getCollection(CampaignContacts.COLLECTION);
    }

    /** Every campaign attempt: the outbound call records. */
    public MongoCollection<Document> campaignAttempts() {
        return database.getCollection(MongoContactBook.ATTEMPTS);
    }

    /** Numbers campaigns never dial. */
    public MongoCollection<Document> doNotCall() {
        return database.getCollection(MongoDoNotCallList.COLLECTION);
    }

    /** The case file (see {@link MongoCases}). */
    public MongoCollection<Document> cases() {
        return database.getCollection(MongoCases.COLLECTION);
    }

    /** Who may log in (see {@link MongoUsers}). */
    public MongoCollection<Document> users() {
        return database.getCollection(MongoUsers.COLLECTION);
    }

    /** Who viewed, exported, launched or changed what (see {@link MongoAuditLog}). */
    public MongoCollection<Document> auditLog() {
        return database.getCollection(MongoAuditLog.COLLECTION);
    }

    /** Open sessions, by the digest of their token (see {@link MongoSessionBook}). */
    public MongoCollection<Document> sessions() {
        return database.getCollection(MongoSessionBook.COLLECTION);
    }

    /** The agents' roster (see {@link MongoRoster}). */
    public MongoCollection<Document> roster() {
        return database.getCollection(MongoRoster.COLLECTION);
    }

    /** Settings changed while the server runs (see {@link MongoServiceHours}). */
    public MongoCollection<Document> settings() {
        return database.getCollection(MongoServiceHours.COLLECTION);
    }

    /** Where MongoDB is expected (host:port, from MONGO_URI or the embedded store). */
    public String address() {
        return address;
    }

    /** Whether MongoDB answered the last time it was asked (a ping or the start's index creation). */
    public boolean reachable() {
        return reachable;
    }

    /** The plain sentence for the log and health when MongoDB does not answer (no driver dump). */
    public String unreachable() {
        return "cannot reach MongoDB at " + address + " (MONGO_URI): " + lastFailure;
    }

    /** Why MongoDB does not answer, without where it is (for health, which anyone may read). */
    String lastFailure() {
        return lastFailure;
    }

    /** Whether MongoDB answers; never throws, answers within the server-selection timeout. */
    public boolean ping() {
        try {
            database.withTimeout(PING_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).runCommand(new Document("ping", 1));
            reachable = true;
        } catch (RuntimeException e) {
            reachable = false;
            if (lastFailure.equals("not tried yet") || !(e instanceof com.mongodb.MongoTimeoutException)) {
                lastFailure = plainly(e);
            }
            log.debug("MongoDB ping failed: {}", e.toString());
            return false;
        }
        if (!indexed) {
            createIndexes();
        }
        return true;
    }

    /** Whether the calls indexes are known to exist. */
    boolean indexed() {
        return indexed;
    }

    @Override
    public void close() {
        client.close();
    }

    private boolean createIndexes() {
        try {
            MongoCollection<Document> calls = calls();
            calls.createIndex(Indexes.ascending("arrivalAt", "_id")); // time ranges, keyset paging
            calls.createIndex(Indexes.ascending("endedAt"));
            // open callback requests, read back at start-up (few: the index holds only calls that asked)
            calls.createIndex(Indexes.ascending("callback.status"), new com.mongodb.client.model.IndexOptions().sparse(true));
            calls.createIndex(Indexes.compoundIndex(Indexes.ascending("caller.number"), Indexes.descending("arrivalAt"))); // a caller's history
            // the recordings' retention sweep, oldest first (the index holds only recorded calls)
            calls.createIndex(Indexes.ascending("recording.startedAt"), new com.mongodb.client.model.IndexOptions().sparse(true));
            storedReports().createIndex(Indexes.ascending("kind", "from")); // the latest of a kind
            // the rollups, their directory, the shares and the ledger are only ever read by _id
            campaigns().createIndex(Indexes.ascending("status"));
            new MongoContactBook(campaignContacts(), campaignAttempts()).createIndexes();
            MongoCases.createIndexes(cases());
            auditLog().createIndex(Indexes.descending("at")); // newest first, by time range
            MongoSessionBook.createIndexes(sessions());
            indexed = true;
            reachable = true;
        } catch (RuntimeException e) {
            reachable = !(e instanceof com.mongodb.MongoTimeoutException || e instanceof com.mongodb.MongoSocketException);
            log.debug("creating the calls indexes failed: {}", e.toString());
        }
        return indexed;
    }

    /** The innermost cause's own words ("Connection refused", "Read timed out"), not the driver's cluster dump. */
    public static String plainly(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null) {
            // a server-selection time-out carries the cluster's view: its innermost "caused by {…}" is the reason
            java.util.regex.Matcher cause = CAUSED_BY.matcher(message);
            String last = null;
            while (cause.find()) {
                last = cause.group(1);
            }
            if (last == null && message.contains("exception={")) {
                java.util.regex.Matcher exception = EXCEPTION.matcher(message);
                last = exception.find() ? exception.group(1) : null;
            }
            if (last != null) {
                int colon = last.indexOf(": ");
                return colon < 0 ? last : last.substring(colon + 2);
            }
        }
        if (message == null || message.isBlank() || message.length() > 200) {
            return root instanceof com.mongodb.MongoTimeoutException ? "no answer within the time-out" : root.getClass().getSimpleName();
        }
        return message;
    }

    private static final java.util.regex.Pattern CAUSED_BY = java.util.regex.Pattern.compile("caused by \\{([^{}]*)\\}");
    private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern.compile("exception=\\{([^{}]*)\\}");
}
