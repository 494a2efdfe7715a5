package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.call.CallEvent;
import org.hotline.call.CallId;
import org.hotline.report.AgentSpan;
import org.hotline.report.CallFacts;
import org.hotline.report.CallTally;
import org.hotline.report.Measure;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;

/**
 * Per-hour rollups of the report measures, by queue and agent, kept up to date as calls finish:
 * reports over long periods add up a few documents per hour instead of reading every call.
 *
 * <p>Each finished call's share is remembered ({@code call_tallies}); when its record changes
 * later (wrap-up end, callback tries, survey) the difference is added, so a call never counts
 * twice. {@link #recompute} rebuilds a range from the raw records, and must agree with what was
 * kept up as calls finished. Hours are UTC hours, which are also the centre's hours when its time
 * zone is a whole number of hours from UTC (checked at start-up).
 */
public final class HourlyRollups {

    public static final String ROLLUPS = "rollups_hourly";
    public static final String SHARES = "call_tallies";
    static final String NO_QUEUE = "-";
    private static final String AGENT_NONE = "-";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> shares;
    private final ReportRules rules;

    public HourlyRollups(MongoCollection<Document> calls, MongoCollection<Document> rollups, MongoCollection<Document> shares,
                         ReportRules rules) {
        this.calls = calls;
        this.rollups = rollups;
        this.shares = shares;
        this.rules = rules;
    }

    /** Whether, once written, this event may change a finished call's share (the end itself, and what follows it). */
    public static boolean mayChangeAFinishedCall(CallEvent event) {
        return event instanceof CallEvent.Ended || event instanceof CallEvent.FlowEnded
                || event instanceof CallEvent.WrapUpEnded || event instanceof CallEvent.CallbackAttempted
                || event instanceof CallEvent.CallbackClosed || event instanceof CallEvent.SurveyAnswered
                || event instanceof CallEvent.AnswerMeasured;
    }

    /** Brings the call's share of the rollups up to date with its record; a call still in progress has none yet. */
    public void refresh(CallId id) {
        Document call = calls.find(eq("_id", id.value())).first();
        if (call == null || !(call.get(CallUpdate.ENDED_AT) instanceof Date) || !(call.get(CallUpdate.ARRIVAL_AT) instanceof Date)) {
            return;
        }
        apply(id.value(), CallFactsReader.read(call));
    }

    private void apply(String id, CallFacts facts) {
        Share now = new Share(facts.arrivalAt().truncatedTo(ChronoUnit.HOURS),
                facts.queue() == null ? NO_QUEUE : facts.queue(), CallTally.of(facts, rules));
        Document stored = shares.find(eq("_id", id)).first();
        if (stored != null) {
            Share before = Share.read(stored);
            if (before.equals(now)) {
                return;
            }
            before.tallies.forEach((agent, tally) -> add(before.hour, before.queue, agent, Tally.ZERO.minus(tally)));
        }
        now.tallies.forEach((agent, tally) -> add(now.hour, now.queue, agent, tally));
        shares.replaceOne(eq("_id", id), now.toDocument(id), new ReplaceOptions().upsert(true));
    }

    private void add(Instant hour, String queue, String agent, Tally tally) {
        Map<Measure, Long> amounts = tally.nonZero();
        if (amounts.isEmpty()) {
            return;
        }
        String agentField = agent.equals(CallTally.NO_AGENT) ? AGENT_NONE : agent;
        List<Bson> updates = new ArrayList<>();
        amounts.forEach((measure, amount) -> updates.add(Updates.inc(measure.field(), amount)));
        updates.add(Updates.setOnInsert("hour", Date.from(hour)));
        updates.add(Updates.setOnInsert("queue", queue));
        updates.add(Updates.setOnInsert("agent", agentField));
        rollups.updateOne(eq("_id", hour + "|" + queue + "|" + agentField), Updates.combine(updates), UPSERT);
    }

    /** Adds a stretch of an agent's time to the rollups of the hours it covers (under no queue). */
    public void addAgentTime(AgentSpan span) {
        span.measure().ifPresent(measure -> {
            for (AgentSpan piece : span.byHour()) {
                add(piece.hour(), NO_QUEUE, piece.agent(), Tally.of(Map.of(measure, piece.length().toMillis())));
            }
        });
    }

    /**
     * The measures of the calls that arrived in {@code [from, to)} (whole hours), grouped by
     * {@code "queue"}, {@code "agent"} or not at all (key {@code ""}), optionally for one queue / agent.
     */
    public Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by) {
        List<Bson> match = new ArrayList<>(List.of(gte("hour", Date.from(from)), lt("hour", Date.from(to))));
        queue.ifPresent(name -> match.add(eq("queue", name)));
        agent.ifPresent(id -> match.add(eq("agent", id)));
        List<BsonField> sums = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            sums.add(Accumulators.sum(measure.field(), "$" + measure.field()));
        }
        Object groupKey = by.map(field -> (Object) ("$" + field)).orElse(null);
        Map<String, Tally> result = new LinkedHashMap<>();
        for (Document group : rollups.aggregate(List.of(Aggregates.match(and(match)), Aggregates.group(groupKey, sums)))) {
            Object key = group.get("_id");
            result.put(key == null ? "" : key.toString(), tallyOf(group));
        }
        return result;
    }

    /** Rebuilds the rollups of calls that arrived in {@code [from, to)} (whole hours) from the raw records. */
    public int recompute(Instant from, Instant to) {
        Date start = Date.from(from);
        Date end = Date.from(to);
        rollups.deleteMany(and(gte("hour", start), lt("hour", end)));
        shares.deleteMany(and(gte("hour", start), lt("hour", end)));
        int counted = 0;
        for (Document call : calls.find(and(gte(CallUpdate.ARRIVAL_AT, start), lt(CallUpdate.ARRIVAL_AT, end),
                exists(CallUpdate.ENDED_AT)))) {
            apply(call.getString("_id"), CallFactsReader.read(call));
            counted++;
        }
        return counted;
    }

    private static Tally tallyOf(Document document) {
        Map<Measure, Long> values = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            Object value = document.get(measure.field());
            if (value instanceof Number number) {
                values.put(measure, number.longValue());
            }
        }
        return Tally.of(values);
    }

    /** One call's share: which hour and queue, and the tally per agent. */
    private record Share(Instant hour, String queue, Map<String, Tally> tallies) {

        static Share read(Document stored) {
            Map<String, Tally> tallies = new LinkedHashMap<>();
            Document byAgent = stored.get("shares", Document.class);
            if (byAgent != null) {
                for (String agent : byAgent.keySet()) {
                    tallies.put(agent.equals(AGENT_NONE) ? CallTally.NO_AGENT : agent, tallyOf(byAgent.get(agent, Document.class)));
                }
            }
            return new Share(stored.getDate("hour").toInstant(), stored.getString("queue"), tallies);
        }

        Document toDocument(String id) {
            Document byAgent = new Document();
            tallies.forEach((agent, tally) -> {
                Document values = new Document();
                tally.nonZero().forEach((measure, value) -> values.append(measure.field(), value));
                byAgent.append(agent.equals(CallTally.NO_AGENT) ? AGENT_NONE : agent, values);
            });
            return new Document("_id", id).append("hour", Date.from(hour)).append("queue", queue).append("shares", byAgent);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Share share) || !hour.equals(share.hour) || !queue.equals(share.queue)) {
                return false;
            }
            Set<String> agents = new HashSet<>(tallies.keySet());
            agents.addAll(share.tallies.keySet());
            return agents.stream().allMatch(agent -> tallies.getOrDefault(agent, Tally.ZERO)
                    .equals(share.tallies.getOrDefault(agent, Tally.ZERO)));
        }

        @Override
        public int hashCode() {
            return hour.hashCode() * 31 + queue.hashCode();
        }
    }
}
