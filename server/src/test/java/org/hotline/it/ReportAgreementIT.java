package org.hotline.it;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.it.Agreement.Tolerance;
import org.hotline.it.AsteriskTruth.Call;
import org.hotline.it.AsteriskTruth.Offer;
import org.hotline.it.AsteriskTruth.Outcome;
import org.hotline.it.CallScript.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every report figure agrees with Asterisk's own events, call for call.
 *
 * <p>Thirty scripted calls on the real Asterisk, three agents on baresip phones: hang-ups in the
 * greeting and the menu, callers giving up in the queue (short and long), callers gone while an
 * agent's phone rings, a phone left to ring out, answers after 0.5–8 s of ringing, conversations on
 * both sides of the talk target and limit (shortened here to 10 s and 15 s), ended by either side,
 * surveys answered with every score and skipped. What each figure should be is worked out only from
 * the AMI events this test received ({@link AsteriskTruth}) and its own script, by the agreed
 * definitions ({@link TruthFigures}), never from the hotline's records. Then every figure of the
 * day's report (whole day, by queue, by agent), every breach drill-down and every call's record are
 * compared with it; all disagreements are listed, and the table is written to
 * {@code server/target/report-agreement.md}.
 *
 * <p>The script comes from a seeded random source (seed in the output; {@code -Dagreement.seed=…} replays one).
 */
class ReportAgreementIT {

    private static final long SEED = Long.getLong("agreement.seed", 20_261_206L);
    private static final Duration TALK_WARNING = Duration.ofSeconds(10);
    private static final Duration TALK_LIMIT = Duration.ofSeconds(15);
    /** routing.wrapUpSeconds of config/hotline.yaml. */
    private static final Duration WRAP_UP = Duration.ofSeconds(10);
    private static final TruthFigures.Rules RULES = new TruthFigures.Rules(Duration.ofSeconds(20), Duration.ofSeconds(5),
            TALK_WARNING, TALK_LIMIT, Duration.ofSeconds(9), Duration.ofSeconds(15), WRAP_UP);
    private static final List<String> AGENTS = List.of("010", "011", "001");
    private static final List<String> RULE_IDS = List.of("three-rings", "apology", "agent-rings", "service-level", "abandoned",
            "talk-limit", "callback-deadline", "low-score");

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("agreement_it",
            Map.of("HOTLINE_TALK_WARNING", String.valueOf(TALK_WARNING.toSeconds()),
                    "HOTLINE_TALK_LIMIT", String.valueOf(TALK_LIMIT.toSeconds())));

    /** The script of each call, by call id (the hotline side's Uniqueid). */
    private final Map<String, CallScript> scriptOf = new ConcurrentHashMap<>();
    /** Agent legs in the order their phones rang: DestUniqueid → which offer of its call it is (1, 2, …). */
    private final Map<String, Integer> offerNumber = new ConcurrentHashMap<>();
    private final Map<String, Integer> offersOfCall = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<DialBeginEvent>> ringsOf = new ConcurrentHashMap<>();
    /** What did not go as scripted (the scenario's own failures, not the hotline's figures). */
    private final List<String> notAsScripted = Collections.synchronizedList(new ArrayList<>());
    /** What the hotline did to agents that the script did not ask for. */
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** The agent states the test set, and when (test clock: the middle of the request). */
    private final Map<String, List<StateChange>> stateChanges = new ConcurrentHashMap<>();

    private record StateChange(Instant at, String state, String reason) {
    }

    @Test
    void everyReportFigureAgreesWithAsterisksOwnEventsCallForCall() throws Exception {
        long began = System.nanoTime();
        Random random = new Random(SEED);
        List<CallScript> waiting = CallScript.waitingPhase(random);
        List<CallScript> talking = CallScript.talkingPhase(random, waiting.size() + 1);
        System.out.println("ReportAgreementIT: seed " + SEED + " (replay with -Dagreement.seed=" + SEED + ")");
        System.out.println("Phase A, every agent paused (admin):");
        waiting.forEach(s -> System.out.println("  " + s));
        System.out.println("Phase B, agents at work:");
        talking.forEach(s -> System.out.println("  " + s));

        // The switch's own channel event log from now on holds this day's calls alone (Asterisk opens the file
        // for every line, so one moved away is simply started again), for the self-audit at the end.
        java.nio.file.Path cel = hotline.asterisk().stateDir().resolve("asterisk/log/cel-custom/Master.csv");
        java.nio.file.Files.deleteIfExists(cel);

        AGENTS.forEach(a -> ringsOf.put(a, new LinkedBlockingQueue<>()));
        hotline.ami().listen(this::noteRing);
        try (Softphone p010 = hotline.agentPhone("010", "agree-010").neverAnswer().start();
             Softphone p011 = hotline.agentPhone("011", "agree-011").neverAnswer().start();
             Softphone p001 = hotline.agentPhone("001", "agree-001").neverAnswer().start()) {
            Map<String, Softphone> phones = Map.of("010", p010, "011", p011, "001", p001);
            for (String agent : AGENTS) {
                phones.get(agent).awaitRegistered(Duration.ofSeconds(10));
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        hotline.server().getJson("/api/agents/" + agent).getBoolean("phoneRegistered"));
                setState(agent, "ready", null);
                setState(agent, "paused", "admin");
            }
            ExecutorService desks = Executors.newFixedThreadPool(AGENTS.size());
            List<Future<?>> deskRuns = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
            for (String agent : AGENTS) {
                deskRuns.add(desks.submit(() -> {
                    desk(agent, phones.get(agent), open);
                    return null;
                }));
            }
            try {
                runCallers(waiting, "A");
                AGENTS.forEach(agent -> setState(agent, "ready", null));
                runCallers(talking, "B");
            } finally {
                open.set(false);
                for (Future<?> run : deskRuns) {
                    try {
                        run.get(90, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        notAsScripted.add("an agent's desk failed: " + e.getCause());
                    }
                }
                desks.shutdownNow();
            }
            failLoudlyIfTheScenarioBroke();
            // The last wrap-ups end; then every agent's day ends, so their time is counted in the report.
            for (String agent : AGENTS) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        "ready".equals(hotline.server().getJson("/api/agents/" + agent).getString("state")));
                setState(agent, "logged-out", null);
            }
        }
        System.out.printf("ReportAgreementIT: the calls took %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));

        Map<String, String> queueChosen = new LinkedHashMap<>();
        Map<String, Character> keyPressed = new LinkedHashMap<>();
        scriptOf.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(CallScript::name)))
                .forEach(e -> {
                    queueChosen.put(e.getKey(), e.getValue().queue());
                    keyPressed.put(e.getKey(), e.getValue().kind() == Kind.GREETING_HANG_UP || e.getValue().kind() == Kind.MENU_HANG_UP
                            ? null : e.getValue().key());
                });
        Map<String, Call> truth = AsteriskTruth.of(hotline.ami().events(), queueChosen, keyPressed);
        checkTheCallsWentAsScripted(truth);

        Map<String, JsonObject> records = new LinkedHashMap<>();
        for (Call call : truth.values()) {
            records.put(call.id(), awaitSettledRecord(call));
        }
        Agreement agreement = new Agreement();
        Instant from = truth.values().stream().map(Call::arrivalAt).min(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.HOURS);
        Instant to = truth.values().stream().map(Call::arrivalAt).max(Instant::compareTo).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        String period = "from=" + from + "&to=" + to;
        Map<String, TruthFigures.AgentTime> agentTime = agentTime(truth.values());
        compareReports(agreement, truth.values(), agentTime, period);
        compareBreaches(agreement, truth, period);
        truth.values().forEach(call -> compareRecord(agreement, call, records.get(call.id())));

        long enqueuedByMarker = truth.values().stream().filter(c -> c.enqueueSource() == AsteriskTruth.EnqueueSource.MARKER).count();
        long enqueued = truth.values().stream().filter(Call::queued).count();
        List<String> preface = new ArrayList<>(List.of(
                "Seed " + SEED + "; " + truth.size() + " calls, agents " + String.join(", ", AGENTS) + "; talk target "
                        + TALK_WARNING.toSeconds() + " s and limit " + TALK_LIMIT.toSeconds() + " s (settings of this run), wrap-up "
                        + WRAP_UP.toSeconds() + " s, report " + from + " – " + to + ".",
                "",
                "Expected values come only from the AMI events the test received and its own script (keys, scores).",
                "Joining the queue: " + enqueuedByMarker + " of " + enqueued + " queued calls by the HOTLINE_QUEUED marker"
                        + (enqueuedByMarker < enqueued ? "; the rest by the FALLBACK (first SET MUSIC ON after the menu key)" : "")
                        + ".",
                "Agents' time (occupancy, paused) is not in Asterisk's events: it comes from the test's own state changes and the"
                        + " rings and conversations in the events, and is compared with the tolerance shown."));
        if (!unexpected.isEmpty()) {
            preface.add("");
            preface.add("Seen during the run (not asked for by the script):");
            unexpected.forEach(u -> preface.add("- " + u));
        }
        String table = agreement.markdown("Report figures against Asterisk's events", preface);
        agreement.write(AsteriskSandbox.home().resolve("server/target/report-agreement.md"), table);
        System.out.println(table);
        System.out.printf("ReportAgreementIT: whole run %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));

        List<String> wrong = new ArrayList<>();
        if (!notAsScripted.isEmpty()) {
            wrong.add("The scenario did not run as scripted (seed " + SEED + "):");
            notAsScripted.forEach(n -> wrong.add("  " + n));
        }
        List<String> disagreements = agreement.disagreements();
        if (!disagreements.isEmpty()) {
            wrong.add(disagreements.size() + " of " + agreement.size() + " figures disagree with Asterisk's events (seed " + SEED
                    + "; the table is in server/target/report-agreement.md):");
            disagreements.forEach(d -> wrong.add("  " + d));
        }
        // The product's own self-audit of the day against Asterisk's channel event log finds nothing either.
        String day = reportDay();
        JsonObject audit = hotline.server().getJson("/api/reports/audit?day=" + day);
        System.out.println("ReportAgreementIT: self-audit of " + day + ": " + audit.encodePrettily());
        if (!Boolean.TRUE.equals(audit.getBoolean("clean"))) {
            wrong.add("The self-audit against Asterisk's CEL is not clean for " + day + ":");
            audit.getJsonArray("figures").stream().map(JsonObject.class::cast).filter(f -> !f.getBoolean("agrees"))
                    .forEach(f -> wrong.add("  figure " + f.encode()));
            audit.getJsonArray("calls").stream().map(Object::toString).forEach(c -> wrong.add("  call " + c));
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("\n", wrong));
        }
    }

    /** The centre's day the test's calls fall on (the configuration's time zone). */
    private String reportDay() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    // ------------------------------------------------------------------ the callers

    private void runCallers(List<CallScript> scripts, String phase) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(scripts.size());
        long start = System.nanoTime();
        Map<CallScript, Future<?>> runs = new LinkedHashMap<>();
        for (CallScript script : scripts) {
            runs.put(script, callers.submit(() -> {
                sleepUntil(start + script.start().toNanos());
                call(script);
                return null;
            }));
        }
        for (Map.Entry<CallScript, Future<?>> run : runs.entrySet()) {
            try {
                run.getValue().get(4, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                notAsScripted.add(run.getKey().name() + ": " + e.getCause().getMessage().lines().findFirst().orElse("")
                        + agentStates());
            } catch (java.util.concurrent.TimeoutException e) {
                notAsScripted.add(run.getKey().name() + ": still going after 4 minutes" + agentStates());
            }
        }
        callers.shutdownNow();
        System.out.printf("phase %s done after %d s%n", phase, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        failLoudlyIfTheScenarioBroke();
    }

    /** One caller, as scripted: every step waits for Asterisk's event that it follows. */
    private void call(CallScript script) throws Exception {
        TestAmi ami = hotline.ami();
        NewChannelEvent call = ami.callHotline("10000", script.callerId());
        String id = call.getUniqueId();
        scriptOf.put(id, script);
        switch (script.kind()) {
            case GREETING_HANG_UP -> {
                awaitPrompt(id, "greeting", Duration.ofSeconds(15));
                Thread.sleep(script.hangUpAfter());
                ami.hangUp(call);
            }
            case MENU_HANG_UP -> {
                awaitPrompt(id, "menu", Duration.ofSeconds(20));
                Thread.sleep(script.hangUpAfter());
                ami.hangUp(call);
            }
            default -> {
                awaitPrompt(id, "menu", Duration.ofSeconds(20));
                ami.press(call, script.key());
                ami.awaitOn(id, e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                        && (s.getCommand().contains("HOTLINE_QUEUED") || s.getCommand().startsWith("SET MUSIC ON")),
                        Duration.ofSeconds(10));
                converse(script, call);
            }
        }
        ami.awaitOn(id, e -> e instanceof HangupEvent, Duration.ofSeconds(60));
    }

    private void converse(CallScript script, NewChannelEvent call) throws Exception {
        TestAmi ami = hotline.ami();
        String id = call.getUniqueId();
        switch (script.kind()) {
            case QUEUE_ABANDON -> {
                Thread.sleep(script.hangUpAfter());
                ami.hangUp(call);
            }
            case RING_ABANDON -> {
                ami.awaitOn(id, e -> e instanceof DialBeginEvent, Duration.ofSeconds(100));
                Thread.sleep(script.hangUpAfter());
                ami.hangUp(call);
            }
            case CONVERSATION -> {
                ManagerEvent bridged = ami.awaitOn(id, e -> e instanceof BridgeEnterEvent, Duration.ofSeconds(100));
                if (!script.agentHangsUp()) {
                    sleepTalk(bridged, script.talk());
                    ami.hangUp(call);
                    return;
                }
                ami.awaitOn(id, e -> e instanceof BridgeLeaveEvent, script.talk().plusSeconds(30));
                awaitPrompt(id, "survey", Duration.ofSeconds(10));
                if (script.survey().score() > 0) {
                    Thread.sleep(script.surveyKeyAfter());
                    ami.press(call, (char) ('0' + script.survey().score()));
                } else if (script.survey().hangUp()) {
                    Thread.sleep(script.surveyKeyAfter());
                    ami.hangUp(call);
                }
            }
            default -> throw new IllegalStateException(script.kind().toString());
        }
    }

    private void awaitPrompt(String id, String prompt, Duration timeout) throws InterruptedException {
        java.util.regex.Pattern played = java.util.regex.Pattern.compile("hotline/[a-z]{2}/" + prompt + "(\"|\\s|$)");
        hotline.ami().awaitOn(id, e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && played.matcher(s.getCommand()).find(), timeout);
    }

    // ------------------------------------------------------------------ the agents

    /** On the AMI reader's thread: hands each ring of an agent's phone to that agent's desk. */
    private void noteRing(ManagerEvent event) {
        if (event instanceof DialBeginEvent begin && begin.getDestChannel() != null
                && begin.getDestChannel().startsWith("PJSIP/agent-")) {
            String agent = begin.getDestChannel().substring("PJSIP/agent-".length()).replaceFirst("-.*", "");
            offerNumber.put(begin.getDestUniqueId(), offersOfCall.merge(begin.getUniqueId(), 1, Integer::sum));
            BlockingQueue<DialBeginEvent> rings = ringsOf.get(agent);
            if (rings != null) {
                rings.add(begin);
            }
        }
    }

    /** One agent at their phone: picks up, lets ring, talks and hangs up as each call's script says. */
    private void desk(String agent, Softphone phone, java.util.concurrent.atomic.AtomicBoolean open) throws Exception {
        BlockingQueue<DialBeginEvent> rings = ringsOf.get(agent);
        while (open.get() || !rings.isEmpty()) {
            DialBeginEvent ring = rings.poll(200, TimeUnit.MILLISECONDS);
            if (ring == null) {
                continue;
            }
            String id = ring.getUniqueId();
            int offer = offerNumber.get(ring.getDestUniqueId());
            CallScript script = scriptOf.get(id);
            String which = (script == null ? "call " + id : script.name()) + ", offer " + offer;
            try {
                phone.awaitIncomingCall(Duration.ofSeconds(10));
            } catch (AssertionError notRinging) {
                notAsScripted.add("agent " + agent + "'s phone did not ring for " + which + ": " + notRinging.getMessage());
                throw notRinging;
            }
            boolean conversation = script != null && script.kind() == Kind.CONVERSATION;
            if (conversation && script.ringOutFirst() && offer == 1) {
                ringOut(agent, phone, script);
            } else if (conversation && offer == (script.ringOutFirst() ? 2 : 1)) {
                answer(agent, phone, script, id);
            } else {
                if (script == null || script.kind() != Kind.RING_ABANDON || offer != 1) {
                    notAsScripted.add("agent " + agent + "'s phone rang for " + which + ", which the script does not ring"
                            + (script == null ? "" : " (" + script + ")"));
                }
                phone.awaitCallClosed(Duration.ofSeconds(20));
                phone.forgetEndedCall();
                // The caller is gone: the agent was not to blame, and is ready again at once.
                Thread.sleep(1000);
                JsonObject now = hotline.server().getJson("/api/agents/" + agent);
                if ("paused".equals(now.getString("state"))) {
                    unexpected.add("agent " + agent + " was paused (" + now.getString("pauseReason") + ") after the caller of "
                            + which + " hung up during the ring; the test made them ready again");
                    setState(agent, "ready", null);
                }
            }
        }
    }

    private void answer(String agent, Softphone phone, CallScript script, String id) throws Exception {
        Thread.sleep(script.answerAfter());
        phone.answer();
        phone.awaitCallEstablished(Duration.ofSeconds(5));
        if (script.agentHangsUp()) {
            sleepTalk(hotline.ami().awaitOn(id, e -> e instanceof BridgeEnterEvent, Duration.ofSeconds(5)), script.talk());
            phone.hangUp();
        }
        phone.awaitCallClosed(script.talk().plusSeconds(60));
        phone.forgetEndedCall();
    }

    private void ringOut(String agent, Softphone phone, CallScript script) throws Exception {
        phone.awaitCallClosed(Duration.ofSeconds(20));
        phone.forgetEndedCall();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                JsonObject now = hotline.server().getJson("/api/agents/" + agent);
                return "paused".equals(now.getString("state")) && "ring-no-answer".equals(now.getString("pauseReason"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            notAsScripted.add("agent " + agent + " was not paused ring-no-answer after letting " + script.name() + " ring out: "
                    + hotline.server().getJson("/api/agents/" + agent).encode());
        }
        Thread.sleep(script.pauseFor());
        setState(agent, "ready", null);
    }

    private void setState(String agent, String state, String reason) {
        JsonObject body = new JsonObject().put("state", state);
        if (reason != null) {
            body.put("reason", reason);
        }
        Instant before = Instant.now();
        int status;
        try {
            status = hotline.server().put("/api/agents/" + agent + "/state", body.encode()).statusCode();
        } catch (Exception e) {
            throw new AssertionError("agent " + agent + " could not be made " + state + ": " + e, e);
        }
        Instant after = Instant.now();
        if (status != 200) {
            throw new AssertionError("agent " + agent + " could not be made " + state + ": HTTP " + status);
        }
        stateChanges.computeIfAbsent(agent, a -> Collections.synchronizedList(new ArrayList<>()))
                .add(new StateChange(before.plus(Duration.between(before, after).dividedBy(2)), state, reason));
    }

    private String agentStates() {
        StringBuilder states = new StringBuilder(" (agents now:");
        for (String agent : AGENTS) {
            try {
                JsonObject now = hotline.server().getJson("/api/agents/" + agent);
                states.append(' ').append(agent).append(' ').append(now.getString("state"))
                        .append(now.getString("pauseReason") == null ? "" : "/" + now.getString("pauseReason"));
            } catch (Exception e) {
                states.append(' ').append(agent).append(" unknown");
            }
        }
        return states.append(')').toString();
    }

    private void failLoudlyIfTheScenarioBroke() {
        if (!notAsScripted.isEmpty()) {
            throw new AssertionError("The scenario did not run as scripted (seed " + SEED + "):\n  "
                    + String.join("\n  ", notAsScripted));
        }
    }

    /**
     * Talks for {@code talk} from the moment Asterisk bridged the call (its own timestamp): on a
     * loaded machine the test may hear of the bridge seconds late, and the talk must not run on.
     */
    private static void sleepTalk(ManagerEvent bridged, Duration talk) throws InterruptedException {
        long left = Duration.between(Instant.now(), TestAmi.at(bridged).plus(talk)).toMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    // ------------------------------------------------------------------ did it happen as scripted?

    /** The calls happened as scripted, as Asterisk saw them (else the comparison would prove little). */
    private void checkTheCallsWentAsScripted(Map<String, Call> truth) {
        for (Call call : truth.values()) {
            CallScript script = scriptOf.get(call.id());
            List<String> off = new ArrayList<>();
            switch (script.kind()) {
                case GREETING_HANG_UP -> {
                    if (call.greetingStartedAt() == null || call.callerHungUpAt() == null || call.menuStartedAt() != null) {
                        off.add("did not hang up during the greeting");
                    }
                }
                case MENU_HANG_UP -> {
                    if (call.menuStartedAt() == null || call.callerHungUpAt() == null || call.queued()) {
                        off.add("did not hang up during the menu");
                    }
                }
                case QUEUE_ABANDON -> {
                    if (call.waitBeforeAbandon().isEmpty() || !call.offers().isEmpty()) {
                        off.add("did not hang up waiting in the queue without a ring (offers: " + call.offers().size() + ")");
                    } else if (script.hangUpAfter().minus(call.waitBeforeAbandon().get()).abs().toMillis() > 1000) {
                        off.add("hung up after " + call.waitBeforeAbandon().get().toMillis() + " ms in the queue, not "
                                + script.hangUpAfter().toMillis());
                    }
                }
                case RING_ABANDON -> {
                    if (!call.abandonedDuringRing()) {
                        off.add("did not hang up while an agent's phone rang (offers: " + outcomes(call) + ")");
                    }
                }
                case CONVERSATION -> {
                    List<Offer> offers = call.offers();
                    int expected = script.ringOutFirst() ? 2 : 1;
                    if (offers.size() != expected || call.answeredOffer().isEmpty()) {
                        off.add("offers " + outcomes(call) + ", scripted " + (script.ringOutFirst() ? "no-answer, answered" : "answered"));
                        break;
                    }
                    if (script.ringOutFirst() && (offers.getFirst().outcome() != Outcome.NO_ANSWER
                            || offers.getFirst().ring().toMillis() < 8500)) {
                        off.add("the first offer did not ring out: " + offers.getFirst());
                    }
                    Duration rang = call.answeredOffer().get().ring();
                    if (rang.compareTo(script.answerAfter()) < 0 || rang.compareTo(script.answerAfter().plusMillis(1500)) > 0) {
                        off.add("the agent answered after " + rang.toMillis() + " ms of ringing, scripted " + script.answerAfter().toMillis());
                    }
                    Duration talk = call.talk().orElse(Duration.ZERO);
                    if (talk.compareTo(script.talk().minusMillis(300)) < 0 || talk.compareTo(script.talk().plusMillis(1500)) > 0) {
                        off.add("talked " + talk.toMillis() + " ms, scripted " + script.talk().toMillis());
                    }
                    if (!(script.agentHangsUp() ? "agent" : "caller").equals(call.endedBy())) {
                        off.add("the conversation was ended by " + call.endedBy());
                    }
                    if (script.agentHangsUp() != call.surveyOffered()) {
                        off.add(call.surveyOffered() ? "was asked for a rating though the caller hung up" : "was not asked for a rating");
                    }
                    if (!java.util.Objects.equals(script.survey().expectedScore(), call.surveyScore())) {
                        off.add("survey score " + call.surveyScore() + ", scripted " + script.survey());
                    }
                }
            }
            off.forEach(o -> notAsScripted.add(script.name() + " (" + call.id() + "): " + o));
        }
        failLoudlyIfTheScenarioBroke();
        System.out.println("As Asterisk saw the calls:");
        for (Call call : truth.values()) {
            CallScript script = scriptOf.get(call.id());
            System.out.printf("  %s %s queue=%s waited=%s offers=%s talk=%s endedBy=%s survey=%s%n", script.name(), call.id(),
                    call.queue(), call.waitForAgent().or(call::waitBeforeAbandon).map(d -> d.toMillis() + "ms").orElse("-"),
                    outcomes(call), call.talk().map(d -> d.toMillis() + "ms").orElse("-"), call.endedBy(),
                    call.surveyOffered() ? String.valueOf(call.surveyScore()) : "-");
        }
    }

    private static String outcomes(Call call) {
        return call.offers().stream().map(o -> o.agent() + ":" + o.outcome().id + "@" + o.ring().toMillis() + "ms").toList().toString();
    }

    // ------------------------------------------------------------------ what the hotline says

    /** The call's record once nothing more is to come: over, its flow done, its wrap-up over. */
    private JsonObject awaitSettledRecord(Call call) {
        JsonObject[] record = {hotline.server().awaitFinishedRecord(call.id())};
        if (call.talk().isPresent()) {
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    record[0] = hotline.server().getJson("/api/calls/" + call.id());
                    return record[0].containsKey("wrapUp");
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // compared as it is: the missing wrap-up shows in the table
            }
        }
        return record[0];
    }

    private void compareReports(Agreement agreement, Collection<Call> calls, Map<String, TruthFigures.AgentTime> time, String period)
            throws Exception {
        TruthFigures figures = new TruthFigures(RULES);
        TruthFigures.AgentTime everyone = time.values().stream().reduce(TruthFigures.AgentTime.NONE, TruthFigures.AgentTime::plus);
        JsonObject whole = awaitSettledReport("/api/reports?" + period, calls.size());
        agreement.checkFigures("whole day", figures.figures(calls, TruthFigures.offersOf(calls, o -> true), everyone, true),
                whole.getJsonObject("figures"), ReportAgreementIT::tolerance);

        JsonObject byQueue = hotline.server().getJson("/api/reports?" + period + "&by=queue");
        Map<String, JsonObject> queueRows = rows(byQueue, "queue");
        Set<String> queues = new TreeSet<>(queueRows.keySet());
        calls.forEach(c -> queues.add(c.queue() == null ? "-" : c.queue()));
        for (String queue : queues) {
            List<Call> mine = calls.stream().filter(c -> queue.equals(c.queue() == null ? "-" : c.queue())).toList();
            agreement.checkFigures("queue " + queue, figures.figures(mine, TruthFigures.offersOf(mine, o -> true), null, false),
                    queueRows.get(queue), ReportAgreementIT::tolerance);
        }

        JsonObject byAgent = hotline.server().getJson("/api/reports?" + period + "&by=agent");
        Map<String, JsonObject> agentRows = rows(byAgent, "agent");
        Set<String> agents = new TreeSet<>(agentRows.keySet());
        agents.addAll(AGENTS);
        calls.forEach(c -> agents.add(c.agent() == null ? "-" : c.agent()));
        for (String agent : agents) {
            List<Call> own = calls.stream().filter(c -> agent.equals(c.agent() == null ? "-" : c.agent())).toList();
            agreement.checkFigures("agent " + agent, figures.figures(own, TruthFigures.offersOf(calls, o -> agent.equals(o.agent())),
                    time.get(agent), !agent.equals("-")), agentRows.get(agent), ReportAgreementIT::tolerance);
        }
    }

    /** The rollups count finished calls on a thread of their own: the report once it counts them all and stays put. */
    private JsonObject awaitSettledReport(String path, int calls) {
        JsonObject[] last = {null};
        long[] lastAt = {0};
        try {
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonObject now = hotline.server().getJson(path);
                boolean settled = last[0] != null && now.equals(last[0]) && System.nanoTime() - lastAt[0] >= 1_000_000_000L
                        && now.getJsonObject("figures").getLong("calls") == calls;
                if (last[0] == null || !now.equals(last[0])) {
                    last[0] = now;
                    lastAt[0] = System.nanoTime();
                }
                return settled ? now : null;
            }, java.util.Objects::nonNull);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return last[0]; // compared as it is: the missing calls show in the table
        }
    }

    private static Map<String, JsonObject> rows(JsonObject report, String by) {
        Map<String, JsonObject> rows = new TreeMap<>();
        for (Object row : report.getJsonArray("rows", new JsonArray())) {
            JsonObject r = (JsonObject) row;
            rows.put(r.getString(by) == null || r.getString(by).isEmpty() ? "-" : r.getString(by), r.getJsonObject("figures"));
        }
        return rows;
    }

    private static Tolerance tolerance(String figure) {
        if (figure.equals("asaSeconds") || figure.equals("ahtSeconds")) {
            return Tolerance.TIME;
        }
        if (figure.equals("occupancy.part") || figure.equals("occupancy.whole")) {
            return new Tolerance(3000, "agent-state ms from the script, ±3 s");
        }
        if (figure.equals("occupancy.value")) {
            return new Tolerance(0.02, "from the script, ±0.02");
        }
        if (figure.startsWith("pausedSeconds.")) {
            return new Tolerance(1.0, "from the script, ±1 s");
        }
        if (figure.endsWith(".value") || figure.equals("csat.average")) {
            return Tolerance.RATIO;
        }
        return Tolerance.EXACT;
    }

    /** The calls of each rule's drill-down, and by how much each broke it. */
    private void compareBreaches(Agreement agreement, Map<String, Call> truth, String period) throws Exception {
        TruthFigures figures = new TruthFigures(RULES);
        for (String rule : RULE_IDS) {
            Map<String, Double> expected = new TreeMap<>();
            for (Call call : truth.values()) {
                breach(rule, call, figures).ifPresent(d -> expected.put(scriptOf.get(call.id()).name(), d.toMillis() / 1000.0));
            }
            HttpResponse<String> response = hotline.server().get("/api/reports/breaches?rule=" + rule + "&" + period + "&limit=500");
            Map<String, Double> reported = new TreeMap<>();
            if (response.statusCode() == 200) {
                for (Object c : new JsonObject(response.body()).getJsonArray("calls")) {
                    JsonObject breach = (JsonObject) c;
                    CallScript script = scriptOf.get(breach.getString("call"));
                    reported.put(script == null ? breach.getString("call") : script.name(), breach.getDouble("measuredSeconds"));
                }
            }
            String section = "breaches " + rule;
            agreement.check(section, "HTTP status", 200, response.statusCode(), Tolerance.EXACT);
            agreement.check(section, "calls", String.join(" ", expected.keySet()), String.join(" ", reported.keySet()), Tolerance.EXACT);
            for (String name : expected.keySet()) {
                if (reported.containsKey(name)) {
                    agreement.check(section, name + " measuredSeconds", expected.get(name), reported.get(name), Tolerance.TIME);
                }
            }
        }
    }

    private java.util.Optional<Duration> breach(String rule, Call call, TruthFigures figures) {
        TruthFigures.Rules rules = figures.rules();
        return switch (rule) {
            case "three-rings" -> call.systemAnsweredAt() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Duration.between(call.arrivalAt(), call.systemAnsweredAt()))
                            .filter(d -> d.compareTo(rules.agentRings()) > 0);
            case "apology" -> figures.apologyDue(call) && call.apologyAt() == null
                    ? java.util.Optional.of(call.waitForAgent().orElse(Duration.ZERO)) : java.util.Optional.empty();
            case "agent-rings" -> call.offers().stream().filter(o -> o.outcome().countsForTheAgent())
                    .filter(o -> o.outcome() != Outcome.ANSWERED || o.ring().compareTo(rules.agentRings()) > 0)
                    .map(Offer::ring).max(Duration::compareTo);
            case "service-level" -> call.queued() ? java.util.Optional.of(call.waitForAgent().or(call::waitBeforeAbandon)
                    .orElse(Duration.ofDays(1))).filter(d -> d.compareTo(rules.serviceLevel()) > 0) : java.util.Optional.empty();
            case "abandoned" -> call.waitBeforeAbandon().filter(w -> !figures.isShort(w));
            case "talk-limit" -> call.talk().filter(t -> t.compareTo(rules.talkLimit()) > 0);
            case "low-score" -> call.surveyScore() != null && call.surveyScore() < 4
                    ? java.util.Optional.of(Duration.ZERO) : java.util.Optional.empty();
            default -> java.util.Optional.empty(); // callback-deadline: no callback was asked for
        };
    }

    /** The call's record, field by field, against Asterisk's events (after the agreed change of the record). */
    private void compareRecord(Agreement agreement, Call call, JsonObject record) {
        CallScript script = scriptOf.get(call.id());
        String section = "call " + script.name() + " (" + call.id() + ", " + script.kind().name().toLowerCase().replace('_', ' ') + ")";
        Function<String, String> at = path -> text(record, path);
        agreement.checkTime(section, "arrivalAt", call.arrivalAt(), at.apply("arrivalAt"));
        agreement.checkTime(section, "answeredAt", call.systemAnsweredAt(), at.apply("answeredAt"));
        agreement.checkTime(section, "endedAt", call.endedAt(), at.apply("endedAt"));
        agreement.checkTime(section, "callerHungUpAt", call.callerHungUpAt(), at.apply("callerHungUpAt"));
        agreement.check(section, "hangup.side", call.callerHungUpAt() != null ? "caller" : "hotline", at.apply("hangup.side"),
                Tolerance.EXACT);
        agreement.checkTime(section, "apologyPlayedAt", call.apologyAt(), at.apply("apologyPlayedAt"));
        agreement.check(section, "queue.name", call.queue(), at.apply("queue.name"), Tolerance.EXACT);
        agreement.checkTime(section, "queue.enqueuedAt", call.enqueuedAt(), at.apply("queue.enqueuedAt"));
        agreement.checkTime(section, "queue.abandonedAt", call.abandonedAt(), at.apply("queue.abandonedAt"));
        agreement.check(section, "queue.abandonedDuringRing", call.abandonedDuringRing() ? "true" : null,
                at.apply("queue.abandonedDuringRing"), Tolerance.EXACT);
        JsonArray offers = record.getJsonArray("offers", new JsonArray());
        agreement.check(section, "offers", call.offers().size(), offers.size(), Tolerance.EXACT);
        for (int i = 0; i < call.offers().size(); i++) {
            Offer offer = call.offers().get(i);
            JsonObject stored = i < offers.size() ? offers.getJsonObject(i) : new JsonObject();
            String o = "offers[" + i + "].";
            agreement.check(section, o + "agent", offer.agent(), stored.getString("agent"), Tolerance.EXACT);
            agreement.check(section, o + "leg", offer.leg(), stored.getString("leg"), Tolerance.EXACT);
            agreement.checkTime(section, o + "ringStartedAt", offer.ringStartedAt(), stored.getString("ringStartedAt"));
            agreement.checkTime(section, o + "ringEndedAt", offer.ringEndedAt(), stored.getString("ringEndedAt"));
            agreement.check(section, o + "outcome", offer.outcome().id, stored.getString("outcome"), Tolerance.EXACT);
            agreement.check(section, o + "dialStatus", offer.dialStatus(), stored.getString("dialStatus"), Tolerance.EXACT);
        }
        agreement.check(section, "agent.id", call.agent(), at.apply("agent.id"), Tolerance.EXACT);
        agreement.checkTime(section, "agent.answeredAt", call.agentAnsweredAt(), at.apply("agent.answeredAt"));
        agreement.checkTime(section, "conversation.startedAt", call.conversationStartedAt(), at.apply("conversation.startedAt"));
        agreement.checkTime(section, "conversation.endedAt", call.conversationEndedAt(), at.apply("conversation.endedAt"));
        agreement.check(section, "conversation.endedBy", call.endedBy(), at.apply("conversation.endedBy"), Tolerance.EXACT);
        agreement.checkTime(section, "survey.offeredAt", call.surveyOfferedAt(), at.apply("survey.offeredAt"));
        agreement.check(section, "survey.score", call.surveyScore(), record.getJsonObject("survey", new JsonObject()).getValue("score"),
                Tolerance.EXACT);
        Instant wrapUpEnd = call.conversationEndedAt() == null ? null : call.conversationEndedAt().plus(WRAP_UP);
        agreement.check(section, "wrapUp.agent", wrapUpEnd == null ? null : call.agent(), at.apply("wrapUp.agent"), Tolerance.EXACT);
        agreement.checkTime(section, "wrapUp.endedAt (conversation end + " + WRAP_UP.toSeconds() + " s)", wrapUpEnd,
                at.apply("wrapUp.endedAt"));
        Duration talk = call.talk().orElse(Duration.ZERO);
        agreement.check(section, "talkTime.warnedAt (talk over " + TALK_WARNING.toSeconds() + " s)",
                talk.compareTo(TALK_WARNING) > 0 ? "present" : null, at.apply("talkTime.warnedAt") == null ? null : "present",
                Tolerance.EXACT);
        agreement.check(section, "talkTime.breachedAt (talk over " + TALK_LIMIT.toSeconds() + " s)",
                talk.compareTo(TALK_LIMIT) > 0 ? "present" : null, at.apply("talkTime.breachedAt") == null ? null : "present",
                Tolerance.EXACT);
    }

    private static String text(JsonObject record, String path) {
        Object value = record;
        for (String part : path.split("\\.")) {
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            value = object.getValue(part);
        }
        return value == null ? null : String.valueOf(value);
    }

    // ------------------------------------------------------------------ agents' time

    /**
     * Each agent's time by state: logged in from the first "ready" the test set to the "logged-out";
     * paused (admin) while the test kept them so; paused (ring-no-answer) from the ring-out's DialEnd to the
     * test making them ready; offered while their phone rang; on a call from DialEnd ANSWER to the caller's
     * BridgeLeave; wrap-up the setting after each conversation; ready the rest.
     */
    private Map<String, TruthFigures.AgentTime> agentTime(Collection<Call> calls) {
        Map<String, TruthFigures.AgentTime> time = new TreeMap<>();
        for (String agent : AGENTS) {
            List<StateChange> changes = new ArrayList<>(stateChanges.getOrDefault(agent, List.of()));
            changes.sort(java.util.Comparator.comparing(StateChange::at));
            Instant loggedIn = changes.stream().filter(c -> c.state().equals("ready")).map(StateChange::at).findFirst().orElseThrow();
            Instant loggedOut = changes.stream().filter(c -> c.state().equals("logged-out")).map(StateChange::at).reduce((a, b) -> b)
                    .orElseThrow();
            long admin = 0;
            for (int i = 0; i < changes.size(); i++) {
                if ("admin".equals(changes.get(i).reason())) {
                    Instant until = i + 1 < changes.size() ? changes.get(i + 1).at() : loggedOut;
                    admin += Duration.between(changes.get(i).at(), until).toMillis();
                }
            }
            long ringNoAnswer = 0;
            long offered = 0;
            long onCall = 0;
            long wrapUp = 0;
            for (Call call : calls) {
                for (Offer offer : call.offers()) {
                    if (!offer.agent().equals(agent)) {
                        continue;
                    }
                    offered += offer.ring().toMillis();
                    if (offer.outcome() == Outcome.NO_ANSWER) {
                        Instant readied = changes.stream().map(StateChange::at).filter(t -> t.isAfter(offer.ringEndedAt()))
                                .findFirst().orElse(loggedOut);
                        ringNoAnswer += Duration.between(offer.ringEndedAt(), readied).toMillis();
                    }
                    if (offer.outcome() == Outcome.ANSWERED && call.conversationEndedAt() != null) {
                        onCall += Duration.between(offer.ringEndedAt(), call.conversationEndedAt()).toMillis();
                        wrapUp += WRAP_UP.toMillis();
                    }
                }
            }
            long total = Duration.between(loggedIn, loggedOut).toMillis();
            long ready = total - admin - ringNoAnswer - offered - onCall - wrapUp;
            time.put(agent, new TruthFigures.AgentTime(ready, offered, onCall, wrapUp,
                    Map.of("admin", admin, "ring-no-answer", ringNoAnswer)));
        }
        return time;
    }
}
