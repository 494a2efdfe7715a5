package org.hotline.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Call records shaped as the server stores them (whole milliseconds), written from audited calls: an honest day. */
public final class RecordDocuments {

    private RecordDocuments() {
    }

    public static Document of(AuditedCall call) {
        Document record = new Document("_id", call.id()).append("arrivalAt", date(call.arrivalAt()));
        put(record, "answeredAt", call.answeredAt());
        put(record, "endedAt", call.endedAt());
        put(record, "callerHungUpAt", call.callerHungUpAt());
        record.append("answer", new Document("withinRule", call.answeredAt() != null).append("apologyDue", false));
        if (call.queued()) {
            Document queue = new Document("name", call.queue()).append("enqueuedAt", date(call.enqueuedAt()));
            call.abandonedAt().ifPresent(at -> queue.append("abandonedAt", date(at)));
            record.append("queue", queue);
        }
        List<Document> offers = new ArrayList<>();
        for (Offer offer : call.offers()) {
            offers.add(new Document("agent", offer.agent()).append("leg", offer.leg())
                    .append("ringStartedAt", date(offer.ringStartedAt())).append("ringEndedAt", date(offer.ringEndedAt()))
                    .append("outcome", offer.outcome().id())
                    // the field records had before ringEndedAt (for an answered offer: the talk's end), still read by the reports
                    .append("endedAt", date(offer.outcome() == OfferOutcome.ANSWERED && call.talkEndedAt() != null
                            ? call.talkEndedAt() : offer.ringEndedAt())));
        }
        record.append("offers", offers);
        call.offers().stream().filter(offer -> offer.outcome() == OfferOutcome.ANSWERED).findFirst().ifPresent(offer ->
                record.append("agent", new Document("id", offer.agent()).append("answeredAt", date(offer.ringEndedAt()))));
        if (call.talkStartedAt() != null) {
            record.append("conversation", new Document("startedAt", date(call.talkStartedAt()))
                    .append("endedAt", date(call.talkEndedAt())));
        }
        return record;
    }

    private static void put(Document document, String field, Instant time) {
        if (time != null) {
            document.append(field, date(time));
        }
    }

    private static Date date(Instant time) {
        return time == null ? null : Date.from(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
