package org.hotline.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.report.CallFacts;

/** Reads a stored call record into the facts the reports count (see {@link CallUpdate} for the fields). */
final class CallFactsReader {

    private CallFactsReader() {
    }

    /**
     * The deadline of the call's own callback request. A press that joined the customer's open request
     * (kept and timed on the earlier call) or that the dial rule refused has none: never a missed deadline.
     */
    private static Instant callbackDeadline(Document callback) {
        String status = callback.getString("status");
        return CallUpdate.JOINED.equals(status) || CallUpdate.REFUSED.equals(status) ? null : time(callback, "deadline");
    }

    static CallFacts read(Document call) {
        Document answer = sub(call, "answer");
        Document queue = sub(call, "queue");
        Document agent = sub(call, "agent");
        Document callback = sub(call, "callback");
        Document survey = sub(call, "survey");
        Document conversation = sub(call, "conversation");
        String agentId = agent.getString("id");
        List<CallFacts.OfferFacts> offers = new ArrayList<>();
        Instant talkEnded = time(conversation, "endedAt");
        for (Document offer : call.getList("offers", Document.class, List.of())) {
            CallFacts.OfferOutcome outcome = outcome(offer.getString("outcome"));
            offers.add(new CallFacts.OfferFacts(offer.getString("agent"), time(offer, "ringStartedAt"),
                    time(offer, "ringEndedAt"), outcome));
            if (talkEnded == null && !offer.containsKey("ringEndedAt") && outcome == CallFacts.OfferOutcome.ANSWERED
                    && offer.getString("agent") != null && offer.getString("agent").equals(agentId)) {
                talkEnded = time(offer, "endedAt"); // a record of an earlier version: its Dial returned when the talk ended
            }
        }
        Integer score = survey.getInteger("score");
        Integer validScore = score == null || score < 1 || score > 5 ? null : score;
        return new CallFacts(call.getString("_id"), time(call, CallUpdate.ARRIVAL_AT), queue.getString("name"),
                time(call, "answeredAt"), Boolean.TRUE.equals(answer.getBoolean("withinRule")),
                Boolean.TRUE.equals(answer.getBoolean("apologyDue")), time(call, "apologyPlayedAt"),
                Boolean.TRUE.equals(call.getBoolean("afterHours")), time(queue, "enqueuedAt"), agentId,
                time(agent, "answeredAt"), time(conversation, "startedAt"), talkEnded, time(sub(call, "wrapUp"), "endedAt"),
                time(queue, "abandonedAt"), time(callback, "requestedAt"), callbackDeadline(callback),
                time(callback, "customerAnsweredAt"), survey.containsKey("offeredAt") || validScore != null, validScore, offers);
    }

    private static CallFacts.OfferOutcome outcome(String stored) {
        if (stored == null) {
            return CallFacts.OfferOutcome.NO_ANSWER;
        }
        try {
            return CallFacts.OfferOutcome.valueOf(stored.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return CallFacts.OfferOutcome.UNAVAILABLE;
        }
    }

    private static Document sub(Document parent, String field) {
        Object value = parent.get(field);
        return value instanceof Document document ? document : new Document();
    }

    private static Instant time(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant() : null;
    }
}
