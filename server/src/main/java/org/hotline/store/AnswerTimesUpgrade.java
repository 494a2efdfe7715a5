package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Once per store: corrects the call records an earlier version wrote with a wrong agent answer
 * time. That version took the answer from Dial's DIALEDTIME_MS − ANSWEREDTIME_MS, which measure
 * the caller's channel (its wait for the hotline), not the agent's ring; and an answered offer's
 * {@code endedAt} was the end of the conversation, by the server's clock when Dial returned.
 *
 * <p>What such a record still knows is used, nothing is made up: an unanswered offer's ring ended
 * when its Dial returned; an answered offer's conversation ended then; the agent's answer is known
 * again where a talk-time timer fired (they were started at Asterisk's answer and fire at a known
 * offset). Where it is not, the record says the answer time is unknown, and the answer-time
 * figures leave the call out (it is counted apart) rather than use a time known to be wrong.
 */
public final class AnswerTimesUpgrade {

    static final String ID = "agent-answer-times-from-asterisk";

    /** What the upgrade changed, for the log and the store's own note of it. */
    public record Changes(int records, int answersRecovered, int answersUnknown, Set<LocalDate> days) {
    }

    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> upgrades;
    private final Duration talkWarning;
    private final Duration talkLimit;
    private final ZoneId zone;
    private final Clock clock;

    /** @param talkWarning, talkLimit the talk-time timers' settings (a timer that fired tells when the answer was) */
    public AnswerTimesUpgrade(MongoStore store, Duration talkWarning, Duration talkLimit, ZoneId zone, Clock clock) {
        this.calls = store.calls();
        this.upgrades = store.database().getCollection("upgrades");
        this.talkWarning = talkWarning;
        this.talkLimit = talkLimit;
        this.zone = zone;
        this.clock = clock;
    }

    /** Empty when it already ran on this store. Must run before calls are counted again (see the caller). */
    public java.util.Optional<Changes> runOnce() {
        if (upgrades.find(eq("_id", ID)).first() != null) {
            return java.util.Optional.empty();
        }
        int records = 0;
        int recovered = 0;
        int unknown = 0;
        Set<LocalDate> days = new TreeSet<>();
        // Records of an earlier version are those with an offer without its own ring end; few stores
        // have many, and this runs once, so every record with offers is looked at.
        for (Document call : calls.find(exists("offers"))) {
            Fix fix = fix(call);
            if (fix == null) {
                continue;
            }
            calls.updateOne(eq("_id", call.get("_id")), Updates.combine(fix.updates));
            records++;
            if (fix.answer == Answer.RECOVERED) {
                recovered++;
            } else if (fix.answer == Answer.UNKNOWN) {
                unknown++;
            }
            Object arrival = call.get(CallUpdate.ARRIVAL_AT);
            if (arrival instanceof Date date) {
                days.add(LocalDate.ofInstant(date.toInstant(), zone));
            }
        }
        Changes changes = new Changes(records, recovered, unknown, days);
        upgrades.updateOne(eq("_id", ID), Updates.combine(
                Updates.set("at", Date.from(clock.instant())),
                Updates.set("records", records), Updates.set("answersRecovered", recovered),
                Updates.set("answersUnknown", unknown), Updates.set("days", days.stream().map(LocalDate::toString).toList())),
                new UpdateOptions().upsert(true));
        return java.util.Optional.of(changes);
    }

    private enum Answer { NONE, RECOVERED, UNKNOWN }

    private record Fix(List<Bson> updates, Answer answer) {
    }

    private Fix fix(Document call) {
        List<Document> offers = call.getList("offers", Document.class, List.of());
        if (offers.stream().noneMatch(offer -> offer.containsKey("endedAt") && !offer.containsKey("ringEndedAt"))) {
            return null;
        }
        Document agent = call.get("agent") instanceof Document d ? d : new Document();
        String answeredBy = agent.getString("id");
        Instant answer = answerFromTimers(call);
        List<Document> fixed = new ArrayList<>();
        Date conversationEnd = null;
        Answer verdict = Answer.NONE;
        for (Document offer : offers) {
            Document copy = new Document(offer);
            Object returned = copy.remove("endedAt");
            if (offer.containsKey("ringEndedAt") || !(returned instanceof Date dialReturned)) {
                fixed.add(offer);
                continue;
            }
            copy.append("dialReturnedAt", dialReturned);
            boolean answered = "answered".equals(offer.getString("outcome"));
            if (!answered) {
                copy.append("ringEndedAt", dialReturned);
            } else if (offer.getString("agent") != null && offer.getString("agent").equals(answeredBy)) {
                conversationEnd = dialReturned;
                Object started = offer.get("ringStartedAt");
                if (answer != null && started instanceof Date ring && !answer.isBefore(ring.toInstant())
                        && !answer.isAfter(dialReturned.toInstant())) {
                    copy.append("ringEndedAt", Date.from(answer));
                    verdict = Answer.RECOVERED;
                } else {
                    verdict = Answer.UNKNOWN;
                }
            }
            fixed.add(copy);
        }
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("offers", fixed));
        Document note = new Document("at", Date.from(clock.instant())).append("upgrade", ID);
        if (agent.get("answeredAt") instanceof Date wrong) {
            note.append("earlierAgentAnsweredAt", wrong);
        }
        if (verdict == Answer.RECOVERED) {
            updates.add(Updates.set("agent.answeredAt", Date.from(answer)));
            updates.add(Updates.set("conversation", new Document("agent", answeredBy).append("startedAt", Date.from(answer))
                    .append("endedAt", conversationEnd).append("endedBy", "unknown")));
        } else if (verdict == Answer.UNKNOWN) {
            updates.add(Updates.unset("agent.answeredAt"));
            updates.add(Updates.set("agent.answerTimeUnknown", true));
            updates.add(Updates.set("conversation", new Document("agent", answeredBy).append("endedAt", conversationEnd)
                    .append("endedBy", "unknown")));
        }
        updates.add(Updates.set("corrected", note));
        return new Fix(updates, verdict);
    }

    /** A talk-time timer started at Asterisk's answer and fired after its setting: the answer was that long before. */
    private Instant answerFromTimers(Document call) {
        Document talkTime = call.get("talkTime") instanceof Document d ? d : new Document();
        if (talkTime.get("warnedAt") instanceof Date warned) {
            return warned.toInstant().minus(talkWarning);
        }
        if (talkTime.get("breachedAt") instanceof Date breached) {
            return breached.toInstant().minus(talkLimit);
        }
        return null;
    }
}
