package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.report.CallTally;
import org.hotline.report.Tally;
import org.hotline.reporting.CallShare;

/**
 * Where each counted call's share is kept: with the other calls of its arrival hour, spread over
 * {@value #CHUNKS} documents an hour ({@code S|<hour>|<n>}, a field per call). A recompute of a day
 * then reads and writes a few hundred documents instead of one per call, and a batch of calls that
 * ended together touches few. A call is found by its arrival hour, which is settled long before
 * the call ends (the arrival and the flow's start come first). Shares written by an earlier
 * version, one document per call, are still read for the hours before this store began.
 */
final class ShareStore {

    static final int CHUNKS = 16;
    private static final String SINCE = "S|since";
    private static final String CALLS = "calls";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> shares;
    private final Clock clock;
    /** The first hour whose shares may all be in chunks (null until known). */
    private volatile Instant chunkedFrom;

    ShareStore(MongoCollection<Document> shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    /** The stored shares of the calls (each with the hour it arrived in); a call without one is left out. */
    Map<String, CallShare> read(Map<String, Instant> hours) {
        Map<String, String> chunkOf = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Instant chunked = chunkedFrom();
        hours.forEach((call, hour) -> {
            String chunk = chunk(hour, call);
            chunkOf.put(call, chunk);
            ids.add(chunk);
            if (hour.isBefore(chunked)) {
                ids.add(call); // perhaps counted by an earlier version
            }
        });
        Map<String, Document> found = new HashMap<>();
        PointReads.each(shares, new LinkedHashSet<>(ids), document -> found.put(document.getString("_id"), document));
        Map<String, CallShare> stored = new HashMap<>();
        hours.keySet().forEach(call -> {
            Document chunk = found.get(chunkOf.get(call));
            Document entry = chunk == null ? null : chunk.get(CALLS, Document.class).get(field(call), Document.class);
            Document legacy = found.get(call);
            if (entry != null) {
                stored.put(call, shareOf(entry));
            } else if (legacy != null) {
                stored.put(call, shareOf(legacy));
            }
        });
        return stored;
    }

    /** Stores the shares, one write per chunk. */
    void write(Map<String, CallShare> changed) {
        if (changed.isEmpty()) {
            return;
        }
        chunkedFrom();
        Map<String, List<Bson>> byChunk = new LinkedHashMap<>();
        changed.forEach((call, share) -> byChunk.computeIfAbsent(chunk(share.hour(), call), id -> new ArrayList<>(
                List.of(Updates.setOnInsert("hour", Date.from(share.hour())))))
                .add(Updates.set(CALLS + "." + field(call), documentOf(share))));
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byChunk.forEach((chunk, updates) -> writes.add(new UpdateOneModel<>(eq("_id", chunk), Updates.combine(updates),
                new UpdateOptions().upsert(true))));
        shares.bulkWrite(writes, UNORDERED);
    }

    /** Read once; the first use of a store marks it with the next whole hour. */
    private Instant chunkedFrom() {
        Instant known = chunkedFrom;
        if (known == null) {
            Instant next = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
            shares.updateOne(eq("_id", SINCE), Updates.setOnInsert("hour", Date.from(next)), new UpdateOptions().upsert(true));
            known = shares.find(eq("_id", SINCE)).first().getDate("hour").toInstant();
            chunkedFrom = known;
        }
        return known;
    }

    private static CallShare shareOf(Document stored) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Document byAgent = stored.get("shares", Document.class);
        if (byAgent != null) {
            for (String agent : byAgent.keySet()) {
                tallies.put(agent.equals(CallShare.NONE_FIELD) ? CallTally.NO_AGENT : agent,
                        RollupDocuments.tallyOf(byAgent.get(agent, Document.class)));
            }
        }
        return new CallShare(stored.getDate("hour").toInstant(), stored.getString("queue"), tallies);
    }

    /** As stored: read back by {@link #shareOf}. */
    private static Document documentOf(CallShare share) {
        Document byAgent = new Document();
        share.tallies().forEach((agent, tally) -> {
            Document values = new Document();
            tally.nonZero().forEach((measure, value) -> values.append(measure.field(), value));
            byAgent.append(agent.equals(CallTally.NO_AGENT) ? CallShare.NONE_FIELD : agent, values);
        });
        return new Document("hour", Date.from(share.hour())).append("queue", share.queue()).append("shares", byAgent);
    }

    private static String chunk(Instant hour, String call) {
        return "S|" + hour + "|" + Math.floorMod(call.hashCode(), CHUNKS);
    }

    /** A call id as a field name: ids may hold dots (Asterisk's do), which field paths may not. */
    static String field(String call) {
        return call.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
