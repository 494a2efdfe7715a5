package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.call.CallerId;

/**
 * Callers who hung up while waiting in a period and have not called again since (a later call
 * from the same number is a later contact): the ones a callback campaign should reach.
 */
public final class AbandonedCallers {

    /** A caller who gave up, and when their (last) abandoned call arrived. */
    public record Caller(String number, Instant arrivedAt, String call) {
    }

    private final MongoCollection<Document> calls;
    private final CallRecords records;

    public AbandonedCallers(MongoCollection<Document> calls) {
        this.calls = calls;
        this.records = new CallRecords(calls);
    }

    /** At most {@code limit} callers, each once (their latest abandoned call in the period). */
    public List<Caller> find(Instant from, Instant to, int limit) {
        Map<String, Caller> latest = new LinkedHashMap<>();
        for (Document call : calls.find(and(gte("queue.abandonedAt", Date.from(from)), lt("queue.abandonedAt", Date.from(to))))
                .sort(Sorts.ascending(CallUpdate.ARRIVAL_AT))
                .projection(Projections.include("_id", CallUpdate.ARRIVAL_AT, "caller"))
                .limit(limit * 2)) {
            Document caller = call.get("caller", Document.class);
            String number = caller == null ? null : caller.getString("number");
            if (number != null && CallerId.isNumber(number) && call.getDate(CallUpdate.ARRIVAL_AT) != null) {
                latest.put(number, new Caller(number, call.getDate(CallUpdate.ARRIVAL_AT).toInstant(), call.getString("_id")));
            }
        }
        List<Caller> notBackSince = new ArrayList<>();
        for (Caller caller : latest.values()) {
            if (notBackSince.size() == limit) {
                break;
            }
            List<CallRecord> last = records.recentByCaller(caller.number(), 1);
            Instant lastArrival = last.isEmpty() ? null : last.getFirst().arrivalAt();
            if (lastArrival == null || !lastArrival.isAfter(caller.arrivedAt())) {
                notBackSince.add(caller);
            }
        }
        return notBackSince;
    }
}
