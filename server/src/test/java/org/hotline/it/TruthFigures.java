package org.hotline.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotline.it.AsteriskTruth.Call;
import org.hotline.it.AsteriskTruth.Offer;
import org.hotline.it.AsteriskTruth.Outcome;

/**
 * The report's figures computed by the agreed definitions from {@link AsteriskTruth} alone, in the
 * shape of {@code /api/reports}' {@code figures}. Written independently of the server's code.
 */
final class TruthFigures {

    /** The thresholds of this run (the settings the test gave the server, and the handbook's). */
    record Rules(Duration serviceLevel, Duration shortAbandon, Duration talkTarget, Duration talkLimit, Duration agentRings,
                 Duration apologyAfter, Duration wrapUp) {
    }

    /**
     * Agents' time by state, in ms, from the test's own script (when it made agents ready, paused and
     * logged out) and Asterisk's events (rings, conversations): the server's agent states are not events
     * of Asterisk's, so these are compared with a tolerance.
     */
    record AgentTime(long readyMs, long offeredMs, long onCallMs, long wrapUpMs, Map<String, Long> pausedMs) {
        static final AgentTime NONE = new AgentTime(0, 0, 0, 0, Map.of());

        AgentTime plus(AgentTime other) {
            Map<String, Long> paused = new java.util.TreeMap<>(pausedMs);
            other.pausedMs.forEach((reason, ms) -> paused.merge(reason, ms, Long::sum));
            return new AgentTime(readyMs + other.readyMs, offeredMs + other.offeredMs, onCallMs + other.onCallMs,
                    wrapUpMs + other.wrapUpMs, paused);
        }
    }

    private final Rules rules;

    TruthFigures(Rules rules) {
        this.rules = rules;
    }

    /**
     * @param calls    the calls whose own measures count in this row (the whole day, a queue's, an agent's)
     * @param offers   the rings that count in this row (each ring counts for the agent whose phone rang)
     * @param time     agents' time in this row, or null where the report has none (rows of a queue)
     * @param cases    whether this row has the cases' figure (whole day, agents' rows): no cases were opened, so 0 of 0
     */
    JsonObject figures(Collection<Call> calls, Collection<Offer> offers, AgentTime time, boolean cases) {
        List<Call> queued = calls.stream().filter(Call::queued).toList();
        List<Call> answered = queued.stream().filter(Call::agentAnswered).toList();
        List<Call> shortAbandons = queued.stream().filter(c -> c.waitBeforeAbandon().filter(this::isShort).isPresent()).toList();
        List<Call> abandons = queued.stream().filter(c -> c.waitBeforeAbandon().filter(w -> !isShort(w)).isPresent()).toList();
        List<Call> systemAnswered = calls.stream().filter(c -> c.systemAnsweredAt() != null).toList();
        List<Call> talks = calls.stream().filter(c -> c.talk().isPresent()).toList();
        List<Offer> counted = offers.stream().filter(o -> o.outcome().countsForTheAgent()).toList();
        List<Call> surveyed = calls.stream().filter(Call::surveyOffered).toList();
        List<Integer> scores = calls.stream().map(Call::surveyScore).filter(java.util.Objects::nonNull).toList();

        long answeredWithinSl = answered.stream().filter(c -> within(c.waitForAgent().orElseThrow(), rules.serviceLevel())).count();
        long abandonsWithinSl = abandons.stream().filter(c -> within(c.waitBeforeAbandon().orElseThrow(), rules.serviceLevel())).count();
        long leftWithinSl = queued.stream().filter(c -> c.waitForAgent().or(c::waitBeforeAbandon)
                .filter(w -> within(w, rules.serviceLevel())).isPresent()).count();
        long apologyDue = calls.stream().filter(this::apologyDue).count();
        long apologyGiven = calls.stream().filter(this::apologyDue).filter(c -> c.apologyAt() != null).count();
        long talkMs = talks.stream().mapToLong(c -> c.talk().orElseThrow().toMillis()).sum();

        JsonObject f = new JsonObject()
                .put("calls", (long) calls.size())
                .put("systemAnswered", (long) systemAnswered.size())
                .put("queued", (long) queued.size())
                .put("agentAnswered", (long) answered.size())
                .put("abandoned", (long) abandons.size())
                .put("shortAbandoned", (long) shortAbandons.size())
                .put("callbackRequested", 0L)
                .put("afterHours", 0L)
                .put("threeRingAnswer", ratio(systemAnswered.stream().filter(c -> within(
                        Duration.between(c.arrivalAt(), c.systemAnsweredAt()), rules.agentRings())).count(), systemAnswered.size()))
                .put("apology", ratio(apologyGiven, apologyDue))
                .put("agentThreeRingAnswer", ratio(counted.stream().filter(o -> o.outcome() == Outcome.ANSWERED
                        && within(o.ring(), rules.agentRings())).count(), counted.size()))
                .put("ringNoAnswer", offers.stream().filter(o -> o.outcome() == Outcome.NO_ANSWER).count())
                .put("serviceLevel", new JsonObject()
                        .put("answered", ratio(answeredWithinSl, answered.size()))
                        .put("answeredAndAbandoned", ratio(answeredWithinSl + abandonsWithinSl, answered.size() + abandons.size()))
                        .put("queued", ratio(leftWithinSl, queued.size())))
                .put("asaSeconds", meanSeconds(answered.stream().mapToLong(c -> c.waitForAgent().orElseThrow().toMillis()).sum(),
                        answered.size()))
                .put("ahtSeconds", meanSeconds(talkMs + talks.size() * rules.wrapUp().toMillis(), talks.size()))
                .put("abandonment", ratio(abandons.size(), queued.size() - shortAbandons.size()))
                .put("talkWithin3Minutes", ratio(talks.stream().filter(c -> within(c.talk().orElseThrow(), rules.talkTarget())).count(),
                        talks.size()))
                .put("talkOver5Minutes", talks.stream().filter(c -> c.talk().orElseThrow().compareTo(rules.talkLimit()) > 0).count())
                .put("callbacksWithinDeadline", ratio(0, 0))
                .put("casesRepliedWithinDeadline", cases ? ratio(0, 0) : null)
                .put("csat", new JsonObject()
                        .put("average", scores.isEmpty() ? null : scores.stream().mapToInt(Integer::intValue).average().orElseThrow())
                        .put("atLeast4", ratio(scores.stream().filter(s -> s >= 4).count(), scores.size()))
                        .put("distribution", distribution(scores))
                        .put("responseRate", ratio(scores.size(), surveyed.size())));
        AgentTime t = time == null ? AgentTime.NONE : time;
        long working = t.readyMs() + t.offeredMs() + t.onCallMs() + t.wrapUpMs();
        f.put("occupancy", ratio(t.onCallMs() + t.wrapUpMs(), working));
        JsonObject paused = new JsonObject();
        for (String reason : List.of("admin", "break", "ring-no-answer", "training")) {
            paused.put(reason, t.pausedMs().getOrDefault(reason, 0L) / 1000.0);
        }
        f.put("pausedSeconds", paused);
        return f;
    }

    /** The rings of these calls that count in a row (e.g. one agent's). */
    static List<Offer> offersOf(Collection<Call> calls, Predicate<Offer> row) {
        List<Offer> offers = new ArrayList<>();
        calls.forEach(c -> c.offers().stream().filter(row).forEach(offers::add));
        return offers;
    }

    /** Waited past five rings for a person (queued and left the queue late, or never left it). */
    boolean apologyDue(Call call) {
        if (!call.queued()) {
            return false;
        }
        Optional<Duration> wait = call.waitForAgent().or(call::waitBeforeAbandon);
        return wait.isEmpty() || wait.get().compareTo(rules.apologyAfter()) > 0;
    }

    boolean isShort(Duration abandonWait) {
        return within(abandonWait, rules.shortAbandon());
    }

    static boolean within(Duration duration, Duration limit) {
        return duration.compareTo(limit) <= 0;
    }

    Rules rules() {
        return rules;
    }

    static JsonObject ratio(long part, long whole) {
        return new JsonObject().put("part", part).put("whole", whole).put("value", whole == 0 ? null : (double) part / whole);
    }

    private static Double meanSeconds(long totalMillis, long count) {
        return count == 0 ? null : Math.round((double) totalMillis / count) / 1000.0;
    }

    private static JsonArray distribution(List<Integer> scores) {
        JsonArray counts = new JsonArray();
        for (int score = 1; score <= 5; score++) {
            int s = score;
            counts.add(scores.stream().filter(x -> x == s).count());
        }
        return counts;
    }
}
