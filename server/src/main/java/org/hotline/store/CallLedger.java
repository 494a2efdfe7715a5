package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The ids of the calls that arrived in each hour, written when a call is first recorded, so a
 * recompute reads an hour's calls by id instead of searching all calls by time (which the embedded
 * store can only do by reading every record). An hour's ids are spread over {@value #CHUNKS}
 * documents, so none grows large. Hours before the ledger was started are not in it: see
 * {@link #firstFullHour()}.
 */
public final class CallLedger {

    static final String COLLECTION = "call_ledger";
    static final int CHUNKS = 16;
    private static final String SINCE = "since";
    private static final String CALLS = "calls";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Recently written (call, hour) pairs: the arrival and the flow's start of a call come close together. */
    private static final int REMEMBERED = 10_000;

    private final MongoCollection<Document> ledger;
    private final Map<String, Boolean> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile boolean started;

    public CallLedger(MongoCollection<Document> ledger) {
        this.ledger = ledger;
    }

    /** Notes that the call arrived at {@code at}; writing it again is harmless. */
    public void record(String callId, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        String key = hour + "|" + callId;
        if (recent.containsKey(key)) {
            return;
        }
        if (!started) {
            // the first write of all marks when the ledger began: hours after it are complete
            ledger.updateOne(eq("_id", SINCE), Updates.setOnInsert("at", CallUpdate.date(at)), UPSERT);
            started = true;
        }
        ledger.updateOne(eq("_id", chunk(hour, callId)), Updates.addToSet(CALLS, callId), UPSERT);
        recent.put(key, Boolean.TRUE);
    }

    /** The first hour whose calls are all in the ledger, or empty when it was never written. */
    Optional<Instant> firstFullHour() {
        Document since = ledger.find(eq("_id", SINCE)).first();
        return since == null ? Optional.empty()
                : Optional.of(since.getDate("at").toInstant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
    }

    /** The ids of the calls noted in the hours of {@code [from, to)} (whole hours). */
    public Set<String> calls(Instant from, Instant to) {
        List<String> chunks = new ArrayList<>();
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            for (int n = 0; n < CHUNKS; n++) {
                chunks.add("L|" + hour + "|" + n);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        PointReads.each(ledger, chunks, chunk -> ids.addAll(chunk.getList(CALLS, String.class, List.of())));
        return ids;
    }

    private static String chunk(Instant hour, String callId) {
        return "L|" + hour + "|" + Math.floorMod(callId.hashCode(), CHUNKS);
    }
}
