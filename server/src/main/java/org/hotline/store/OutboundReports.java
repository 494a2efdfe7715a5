package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.report.OutboundFigures;
import org.hotline.report.Ratio;

/** The reports' view of campaign calls, read from the attempts and contacts themselves. */
public final class OutboundReports {

    /** Contacts that are over: reached, out of attempts, past their deadline (on the do-not-call list is not a miss). */
    private static final List<String> SETTLED = List.of("done", "exhausted", "expired");

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> attempts;

    public OutboundReports(MongoCollection<Document> contacts, MongoCollection<Document> attempts) {
        this.contacts = contacts;
        this.attempts = attempts;
    }

    public OutboundFigures figures(Instant from, Instant to) {
        Map<String, Long> byOutcome = new TreeMap<>();
        for (Document group : attempts.aggregate(List.of(
                Aggregates.match(and(gte("endedAt", Date.from(from)), lt("endedAt", Date.from(to)))),
                Aggregates.group("$outcome", Accumulators.sum("count", 1))))) {
            byOutcome.put(group.getString("_id").replace('_', '-'), ((Number) group.get("count")).longValue());
        }
        long due = 0;
        long inTime = 0;
        for (Document group : contacts.aggregate(List.of(
                Aggregates.match(and(gte("deadline", Date.from(from)), lt("deadline", Date.from(to)), in("status", SETTLED))),
                Aggregates.group("$reachedInTime", Accumulators.sum("count", 1))))) {
            long count = ((Number) group.get("count")).longValue();
            due += count;
            if (Boolean.TRUE.equals(group.get("_id"))) {
                inTime += count;
            }
        }
        return new OutboundFigures(byOutcome, new Ratio(inTime, due));
    }
}
