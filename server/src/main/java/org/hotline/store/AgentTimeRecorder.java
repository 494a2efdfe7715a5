package org.hotline.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.function.Consumer;
import org.bson.Document;
import org.hotline.report.AgentSpan;

/**
 * Writes agents' time spans into the hourly rollups through the {@link StoreSpool}, so the floor
 * never waits for MongoDB and no stretch is lost while it is away (a recompute cannot bring agent
 * time back: it is not in the call records). Each stretch is added once: its key is noted in
 * {@value #WRITTEN} right after it is counted, and a replayed stretch whose key is there is skipped.
 */
public final class AgentTimeRecorder implements Consumer<AgentSpan> {

    static final String TYPE = "agent-time";
    /** The keys of the stretches already counted. */
    static final String WRITTEN = "agent_time_written";

    private final HourlyRollups rollups;
    private final MongoCollection<Document> written;
    private final StoreSpool spool;

    /** @param spool started and closed by its owner */
    public AgentTimeRecorder(HourlyRollups rollups, MongoCollection<Document> written, StoreSpool spool) {
        this.rollups = rollups;
        this.written = written;
        this.spool = spool;
        spool.writeWith(TYPE, this::write);
    }

    @Override
    public void accept(AgentSpan span) {
        if (span.measure().isEmpty()) {
            return; // not counted (logged out)
        }
        spool.add(new Document(StoreSpool.TYPE, TYPE).append("agent", span.agent()).append("state", span.state())
                .append("reason", span.reason()).append("from", Date.from(span.from())).append("to", Date.from(span.to())));
    }

    private void write(Document entry) {
        AgentSpan span = new AgentSpan(entry.getString("agent"), entry.getString("state"), entry.getString("reason"),
                entry.getDate("from").toInstant(), entry.getDate("to").toInstant());
        String key = span.agent() + "|" + span.from().toEpochMilli() + "|" + span.to().toEpochMilli() + "|" + span.state();
        if (written.find(Filters.eq("_id", key)).first() != null) {
            return; // a replay of a stretch already counted
        }
        // counted, then noted: a crash between the two counts it twice at the next start (a window of one write)
        rollups.addAgentTime(span);
        // the note is retried here, not the whole write: retrying both would count the stretch again
        for (int tries = 0; ; tries++) {
            try {
                written.insertOne(new Document("_id", key).append("at", Date.from(span.to())));
                return;
            } catch (MongoException e) {
                if (DuplicateKey.is(e)) {
                    return;
                }
                if (e instanceof com.mongodb.MongoWriteException) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(2_000, 50L << Math.min(tries, 6)));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
