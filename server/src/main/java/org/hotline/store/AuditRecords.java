package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.hotline.audit.AuditedCall;
import org.hotline.audit.Offer;
import org.hotline.audit.OfferOutcome;

/** The call records of a period in the form the CEL audit compares ({@link AuditedCall}): only the fields it checks. */
public final class AuditRecords {

    private final MongoCollection<Document> calls;

    public AuditRecords(MongoCollection<Document> calls) {
        this.calls = Objects.requireNonNull(calls);
    }

    /** Calls that arrived in {@code [from, to)}; the bounds are instants the caller made, never request text. */
    List<AuditedCall> arrivedBetween(Instant from, Instant to) {
        List<AuditedCall> found = new ArrayList<>();
        calls.find(and(gte(CallUpdate.ARRIVAL_AT, Date.from(from)), lt(CallUpdate.ARRIVAL_AT, Date.from(to))))
                .projection(Projections.include(CallUpdate.ARRIVAL_AT, "answeredAt", "endedAt", "callerHungUpAt", "queue",
                        "offers", "agent", "conversation"))
                .batchSize(2_000)
                .forEach(document -> found.add(read(document)));
        return found;
    }

    static AuditedCall read(Document call) {
        Document queue = sub(call, "queue");
        Document agent = sub(call, "agent");
        Document conversation = sub(call, "conversation");
        List<Offer> offers = new ArrayList<>();
        for (Document offer : call.getList("offers", Document.class, List.of())) {
            OfferOutcome outcome = OfferOutcome.byId(String.valueOf(offer.get("outcome"))).orElse(null);
            Instant ended = time(offer, "ringEndedAt");
            if (ended == null && outcome != OfferOutcome.ANSWERED) {
                ended = time(offer, "endedAt"); // records before ringEndedAt; for answered offers it was the talk's end
            }
            offers.add(new Offer(offer.getString("agent"), offer.getString("leg"), time(offer, "ringStartedAt"), ended, outcome));
        }
        // the record's own abandon time when it has one: that is what the reports count
        Instant abandonedAt = time(queue, "abandonedAt");
        Instant callerHungUpAt = abandonedAt != null ? abandonedAt : time(call, "callerHungUpAt");
        return new AuditedCall(call.getString("_id"), time(call, CallUpdate.ARRIVAL_AT), time(call, "answeredAt"),
                queue.getString("name"), time(queue, "enqueuedAt"), offers, time(agent, "answeredAt"),
                time(conversation, "startedAt"), time(conversation, "endedAt"), callerHungUpAt, time(call, "endedAt"));
    }

    private static Document sub(Document parent, String field) {
        return parent.get(field) instanceof Document document ? document : new Document();
    }

    private static Instant time(Document document, String field) {
        return document.get(field) instanceof Date date ? date.toInstant() : null;
    }
}
