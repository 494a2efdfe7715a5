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
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneId;
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
    /** Agents' time by state, per hour and agent: not from the call records, so kept apart from what a recompute rebuilds. */
    public static final String AGENT_TIME = "agent_time_hourly";
    static final String NO_QUEUE = "-";
    private static final String HOUR = "hour";
    private static final String DAY = "day";
    private static final String AGENT_NONE = "-";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> shares;
    private final MongoCollection<Document> agentTime;
    private final ReportRules rules;
    private final ZoneId zone;

    /** @param zone the centre's time zone: whole days of it are also kept as day documents, so long reports read few */
    public HourlyRollups(MongoCollection<Document> calls, MongoCollection<Document> rollups, MongoCollection<Document> shares,
                         MongoCollection<Document> agentTime, ReportRules rules, ZoneId zone) {
        this.zone = zone;
        this.calls = calls;
        this.rollups = rollups;
        this.shares = shares;
        this.agentTime = agentTime;
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
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        if (stored != null) {
            Share before = Share.read(stored);
            if (before.equals(now)) {
                return;
            }
            if (before.hour.equals(now.hour) && before.queue.equals(now.queue)) {
                // Same bucket: only the difference is added (one write per agent and level).
                Set<String> agents = new HashSet<>(before.tallies.keySet());
                agents.addAll(now.tallies.keySet());
                for (String agent : agents) {
                    writes.addAll(increments(now.hour, now.queue, agent, now.tallies.getOrDefault(agent, Tally.ZERO)
                            .minus(before.tallies.getOrDefault(agent, Tally.ZERO))));
                }
            } else {
                before.tallies.forEach((agent, tally) -> writes.addAll(
                        increments(before.hour, before.queue, agent, Tally.ZERO.minus(tally))));
                now.tallies.forEach((agent, tally) -> writes.addAll(increments(now.hour, now.queue, agent, tally)));
            }
        } else {
            now.tallies.forEach((agent, tally) -> writes.addAll(increments(now.hour, now.queue, agent, tally)));
        }
        if (!writes.isEmpty()) {
            rollups.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        shares.replaceOne(eq("_id", id), now.toDocument(id), new ReplaceOptions().upsert(true));
    }

    /** The hourly and the day document's increments for one agent's tally in a bucket (none when it is zero). */
    private List<UpdateOneModel<Document>> increments(Instant hour, String queue, String agent, Tally tally) {
        Map<Measure, Long> amounts = tally.nonZero();
        if (amounts.isEmpty()) {
            return List.of();
        }
        String agentField = agent.equals(CallTally.NO_AGENT) ? AGENT_NONE : agent;
        List<Bson> updates = new ArrayList<>();
        amounts.forEach((measure, amount) -> updates.add(Updates.inc(measure.field(), amount)));
        updates.add(Updates.setOnInsert("hour", Date.from(hour)));
        updates.add(Updates.setOnInsert("queue", queue));
        updates.add(Updates.setOnInsert("agent", agentField));
        Instant day = dayOf(hour);
        List<Bson> daily = new ArrayList<>(updates.subList(0, amounts.size()));
        daily.add(Updates.setOnInsert(DAY, Date.from(day)));
        daily.add(Updates.setOnInsert("queue", queue));
        daily.add(Updates.setOnInsert("agent", agentField));
        return List.of(
                new UpdateOneModel<>(eq("_id", hour + "|" + queue + "|" + agentField), Updates.combine(updates), UPSERT),
                new UpdateOneModel<>(eq("_id", "D|" + day + "|" + queue + "|" + agentField), Updates.combine(daily), UPSERT));
    }

    /** The centre's local midnight starting the day this instant falls in. */
    private Instant dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private Instant nextDay(Instant midnight) {
        return midnight.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Adds a stretch of an agent's time to the hours it covers. */
    public void addAgentTime(AgentSpan span) {
        span.measure().ifPresent(measure -> {
            for (AgentSpan piece : span.byHour()) {
                agentTime.updateOne(eq("_id", piece.hour() + "|" + piece.agent()), Updates.combine(
                        Updates.inc(measure.field(), piece.length().toMillis()),
                        Updates.setOnInsert("hour", Date.from(piece.hour())),
                        Updates.setOnInsert("agent", piece.agent())), UPSERT);
                Instant day = dayOf(piece.hour());
                agentTime.updateOne(eq("_id", "D|" + day + "|" + piece.agent()), Updates.combine(
                        Updates.inc(measure.field(), piece.length().toMillis()),
                        Updates.setOnInsert(DAY, Date.from(day)),
                        Updates.setOnInsert("agent", piece.agent())), UPSERT);
            }
        });
    }

    /**
     * The measures of the calls that arrived in {@code [from, to)} (whole hours), grouped by
     * {@code "queue"}, {@code "agent"} or not at all (key {@code ""}), optionally for one queue / agent.
     */
    public Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by) {
        // Whole days of the centre come from the day documents, the hours at either end from the hourly ones.
        Instant firstMidnight = dayOf(from).equals(from) ? from : nextDay(dayOf(from));
        Instant lastMidnight = dayOf(to);
        Map<String, Tally> result = new LinkedHashMap<>();
        if (firstMidnight.isBefore(lastMidnight)) {
            add(result, DAY, firstMidnight, lastMidnight, queue, agent, by);
            add(result, HOUR, from, firstMidnight, queue, agent, by);
            add(result, HOUR, lastMidnight, to, queue, agent, by);
        } else {
            add(result, HOUR, from, to, queue, agent, by);
        }
        return result;
    }

    private void add(Map<String, Tally> result, String level, Instant from, Instant to, Optional<String> queue,
                     Optional<String> agent, Optional<String> by) {
        if (!from.isBefore(to)) {
            return;
        }
        List<BsonField> sums = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            sums.add(Accumulators.sum(measure.field(), "$" + measure.field()));
        }
        List<Bson> match = new ArrayList<>(List.of(gte(level, Date.from(from)), lt(level, Date.from(to))));
        queue.ifPresent(name -> match.add(eq("queue", name)));
        agent.ifPresent(id -> match.add(eq("agent", id)));
        Object groupKey = by.map(field -> (Object) ("$" + field)).orElse(null);
        for (Document group : rollups.aggregate(List.of(Aggregates.match(and(match)), Aggregates.group(groupKey, sums)))) {
            Object key = group.get("_id");
            result.merge(key == null ? "" : key.toString(), tallyOf(group), Tally::plus);
        }
        // Agents' time belongs to agents, not queues: it joins the whole-centre and per-agent figures only.
        if (queue.isEmpty() && !by.equals(Optional.of("queue"))) {
            List<Bson> agentMatch = new ArrayList<>(List.of(gte(level, Date.from(from)), lt(level, Date.from(to))));
            agent.ifPresent(id -> agentMatch.add(eq("agent", id)));
            Object agentKey = by.isPresent() ? "$agent" : null;
            for (Document group : agentTime.aggregate(List.of(Aggregates.match(and(agentMatch)), Aggregates.group(agentKey, sums)))) {
                Object key = group.get("_id");
                result.merge(key == null ? "" : key.toString(), tallyOf(group), Tally::plus);
            }
        }
    }

    /**
     * Rebuilds the rollups of calls that arrived in {@code [from, to)} (whole hours) from the raw
     * records: counted in memory, then written in bulk. Agents' time is not touched.
     */
    public int recompute(Instant from, Instant to) {
        Date start = Date.from(from);
        Date end = Date.from(to);
        rollups.deleteMany(and(gte("hour", start), lt("hour", end)));
        shares.deleteMany(and(gte("hour", start), lt("hour", end)));
        Map<String, Document> buckets = new LinkedHashMap<>();
        Map<String, Tally> sums = new LinkedHashMap<>();
        List<Document> shareDocuments = new ArrayList<>();
        int counted = 0;
        for (Document call : calls.find(and(gte(CallUpdate.ARRIVAL_AT, start), lt(CallUpdate.ARRIVAL_AT, end),
                exists(CallUpdate.ENDED_AT)))) {
            CallFacts facts = CallFactsReader.read(call);
            Share share = new Share(facts.arrivalAt().truncatedTo(ChronoUnit.HOURS),
                    facts.queue() == null ? NO_QUEUE : facts.queue(), CallTally.of(facts, rules));
            share.tallies.forEach((agent, tally) -> {
                String agentField = agent.equals(CallTally.NO_AGENT) ? AGENT_NONE : agent;
                String id = share.hour + "|" + share.queue + "|" + agentField;
                buckets.computeIfAbsent(id, key -> new Document("_id", key).append("hour", Date.from(share.hour))
                        .append("queue", share.queue).append("agent", agentField));
                sums.merge(id, tally, Tally::plus);
            });
            shareDocuments.add(share.toDocument(call.getString("_id")));
            if (shareDocuments.size() == 1_000) {
                shares.insertMany(shareDocuments);
                shareDocuments.clear();
            }
            counted++;
        }
        if (!shareDocuments.isEmpty()) {
            shares.insertMany(shareDocuments);
        }
        List<Document> rollupDocuments = new ArrayList<>();
        buckets.forEach((id, bucket) -> {
            sums.get(id).nonZero().forEach((measure, value) -> bucket.append(measure.field(), value));
            rollupDocuments.add(bucket);
        });
        if (!rollupDocuments.isEmpty()) {
            rollups.insertMany(rollupDocuments);
        }
        for (Instant day = dayOf(from); day.isBefore(to); day = nextDay(day)) {
            rebuildDay(day);
        }
        return counted;
    }

    /** A day's documents made again from its hourly ones (after a recompute touched any of its hours). */
    private void rebuildDay(Instant day) {
        Instant end = nextDay(day);
        rollups.deleteMany(and(gte(DAY, Date.from(day)), lt(DAY, Date.from(end))));
        List<BsonField> sums = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            sums.add(Accumulators.sum(measure.field(), "$" + measure.field()));
        }
        List<Document> days = new ArrayList<>();
        for (Document group : rollups.aggregate(List.of(
                Aggregates.match(and(gte(HOUR, Date.from(day)), lt(HOUR, Date.from(end)))),
                Aggregates.group(new Document("queue", "$queue").append("agent", "$agent"), sums)))) {
            Document key = group.get("_id", Document.class);
            Document daily = new Document("_id", "D|" + day + "|" + key.getString("queue") + "|" + key.getString("agent"))
                    .append(DAY, Date.from(day)).append("queue", key.getString("queue")).append("agent", key.getString("agent"));
            tallyOf(group).nonZero().forEach((measure, value) -> daily.append(measure.field(), value));
            days.add(daily);
        }
        if (!days.isEmpty()) {
            rollups.insertMany(days);
        }
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
