package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.recovery.OpenRecord;
import org.hotline.recovery.RecoveryStore;

/** The call records as the settling at start-up reads them: those left without an end, and which calls have one. */
public final class MongoOpenRecords implements RecoveryStore {

    private static final String ID = "_id";
    private static final int IDS_PER_QUERY = 500;

    private final MongoCollection<Document> calls;

    public MongoOpenRecords(MongoCollection<Document> calls) {
        this.calls = Objects.requireNonNull(calls);
    }

    @Override
    public List<OpenRecord> open(Instant before, int limit) {
        List<OpenRecord> open = new ArrayList<>();
        for (Document call : calls.find(and(exists(CallUpdate.ENDED_AT, false), lt(CallUpdate.ARRIVAL_AT, Date.from(before))))
                .limit(limit)) {
            OpenRecord record = of(call);
            if (record != null) {
                open.add(record);
            }
        }
        return open;
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> part = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            calls.find(in(ID, part)).projection(Projections.include(ID))
                    .forEach(document -> found.add(String.valueOf(document.get(ID))));
        }
        return found;
    }

    @Override
    public Optional<Instant> newestArrivalBefore(Instant before) {
        Document newest = calls.find(lt(CallUpdate.ARRIVAL_AT, Date.from(before)))
                .sort(Sorts.descending(CallUpdate.ARRIVAL_AT)).projection(Projections.include(CallUpdate.ARRIVAL_AT)).first();
        return newest == null ? Optional.empty() : Optional.of(newest.getDate(CallUpdate.ARRIVAL_AT).toInstant());
    }

    /** The record's facts; null when it has no time at all to close it at. */
    static OpenRecord of(Document call) {
        Instant last = null;
        if (call.get("events") instanceof List<?> events) {
            for (Object entry : events) {
                if (entry instanceof Document event && event.get("at") instanceof Date at
                        && (last == null || at.toInstant().isAfter(last))) {
                    last = at.toInstant();
                }
            }
        }
        Instant arrival = time(call, CallUpdate.ARRIVAL_AT);
        if (last == null) {
            last = arrival;
        }
        if (last == null || !(call.get(ID) instanceof String id)) {
            return null;
        }
        Document agent = call.get("agent") instanceof Document d ? d : null;
        Document conversation = call.get("conversation") instanceof Document d ? d : null;
        String leg = null;
        if (call.get("offers") instanceof List<?> offers) {
            for (Object entry : offers) {
                if (entry instanceof Document offer && "answered".equals(offer.get("outcome")) && offer.get("leg") instanceof String l) {
                    leg = l;
                }
            }
        }
        return new OpenRecord(id, arrival, time(call, "answeredAt"), call.get("answer") != null,
                agent == null ? null : agent.getString("id"), leg,
                conversation == null ? null : time(conversation, "startedAt"),
                conversation != null && conversation.get("endedAt") != null, time(call, "callerHungUpAt"), last);
    }

    private static Instant time(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }
}
