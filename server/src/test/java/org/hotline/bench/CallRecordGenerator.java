package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.bson.Document;

/**
 * Finished call records as the hotline writes them, with a realistic mix: calls between 09:00 and
 * 21:00 in Beijing, four queues, 50 agents, most answered by an agent after a short wait, some
 * abandoned, some callback requests, an occasional ring-no-answer, talk of a few minutes, a survey
 * now and then. Seeded, so runs are comparable.
 */
final class CallRecordGenerator {

    static final List<String> QUEUES = List.of("orders", "after-sales", "complaints", "agent");
    static final int AGENTS = 50;

    private final SplittableRandom random;

    CallRecordGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Calls spread over the service hours of the day starting at {@code dayStartUtc} (Beijing midnight). */
    List<Document> day(Instant dayStartUtc, int calls, String idPrefix) {
        List<Document> records = new ArrayList<>(calls);
        long open = Duration.ofHours(9).toMillis();
        long span = Duration.ofHours(12).toMillis();
        for (int i = 0; i < calls; i++) {
            Instant arrival = dayStartUtc.plusMillis(open + random.nextLong(span));
            records.add(call(idPrefix + i, arrival));
        }
        return records;
    }

    Document call(String id, Instant arrival) {
        Instant answered = arrival.plusMillis(300 + random.nextInt(700));
        boolean late = random.nextInt(1000) == 0;
        if (late) {
            answered = arrival.plusSeconds(10 + random.nextInt(10));
        }
        Document call = new Document("_id", id).append("direction", "inbound")
                .append("arrivalAt", date(arrival)).append("answeredAt", date(answered))
                .append("answer", new Document("waitMs", answered.toEpochMilli() - arrival.toEpochMilli())
                        .append("withinRule", !late).append("apologyDue", late))
                .append("caller", new Document("number", "1380013" + String.format("%04d", random.nextInt(10_000))));
        int fate = random.nextInt(100);
        Instant ended;
        if (fate < 3) { // no menu choice
            ended = answered.plusSeconds(30);
        } else {
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            Instant enqueued = answered.plusSeconds(8 + random.nextInt(6));
            Document queueDoc = new Document("name", queue).append("enqueuedAt", date(enqueued));
            call.append("queue", queueDoc);
            long waitMs = (long) (-Math.log(1 - random.nextDouble()) * 15_000); // exponential, mean 15 s
            if (fate < 11) { // abandoned
                Instant gone = enqueued.plusMillis(waitMs);
                queueDoc.append("abandonedAt", date(gone)).append("abandonedPosition", 1 + random.nextInt(5));
                ended = gone;
            } else if (fate < 15) { // callback requested, reached or not
                Instant asked = enqueued.plusMillis(waitMs);
                Document callback = new Document("number", "13800138000").append("queue", queue)
                        .append("requestedAt", date(asked)).append("deadline", date(asked.plusSeconds(3600)))
                        .append("status", "done");
                if (random.nextInt(10) < 9) {
                    callback.append("customerAnsweredAt", date(asked.plusSeconds(60 + random.nextInt(5000))));
                }
                call.append("callback", callback);
                ended = asked.plusSeconds(12);
            } else {
                String agent = String.format("%03d", 100 + random.nextInt(AGENTS));
                Instant agentAnswered = enqueued.plusMillis(waitMs);
                List<Document> offers = new ArrayList<>();
                if (random.nextInt(10) == 0) { // someone did not answer first
                    String missed = String.format("%03d", 100 + random.nextInt(AGENTS));
                    offers.add(new Document("agent", missed).append("ringStartedAt", date(enqueued.plusSeconds(1)))
                            .append("endedAt", date(enqueued.plusSeconds(10))).append("outcome", "no-answer"));
                }
                long talkMs = (long) Math.exp(Math.log(150_000) + random.nextGaussian() * 0.6); // lognormal, median 2.5 min
                Instant talkEnd = agentAnswered.plusMillis(talkMs);
                offers.add(new Document("agent", agent).append("ringStartedAt", date(agentAnswered.minusSeconds(3)))
                        .append("endedAt", date(talkEnd)).append("outcome", "answered"));
                call.append("offers", offers).append("agent", new Document("id", agent).append("answeredAt", date(agentAnswered)))
                        .append("wrapUp", new Document("agent", agent).append("endedAt", date(talkEnd.plusSeconds(10))));
                if (random.nextInt(10) < 3) {
                    call.append("survey", new Document("score", 3 + random.nextInt(3)).append("answeredAt", date(talkEnd)));
                }
                ended = talkEnd.plusSeconds(8);
            }
        }
        return call.append("endedAt", date(ended)).append("flow", new Document("outcome", "connected"));
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
