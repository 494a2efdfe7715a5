package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL) with calls in the greeting, the menu, the queue and talking to
 * agents, new calls keep arriving while it is down, and another is started 20 s later on the same
 * store: every caller is answered within three rings by Asterisk's timestamps, and afterwards
 * every call has exactly one complete record — end, outcome, side — that agrees with Asterisk's
 * own events: the calls cut by the kill settled from what Asterisk saw, the one still talking
 * followed to its true end, the calls Asterisk handled alone imported from its CEL. A further
 * start changes nothing.
 */
class CallsThroughACrashIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    /** CEL and AMI stamp one hang-up separately, microseconds apart; a record keeps milliseconds. */
    private static final Duration SAME_MOMENT = Duration.ofMillis(20);

    @Test
    void everyCallThroughAKilledServerHasExactlyOneCompleteRecordThatAgreesWithAsterisk() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "calls_through_a_crash_it_" + System.nanoTime();
        Map<String, String> expectedSide = new LinkedHashMap<>();
        List<NewChannelEvent> calls = new ArrayList<>();
        Instant testStart = Instant.now().minusSeconds(1);
        // the first server writes the agents' SIP accounts: their phones start after it
        ServerProcess first = ServerProcess.start(asterisk, database, "calls-through-a-crash-first");
        try (TestAmi ami = new TestAmi(asterisk);
             Softphone orders = AgentDesk.phone(asterisk, "010", "agent-010-crash").autoAnswer().start();
             Softphone afterSales = AgentDesk.phone(asterisk, "011", "agent-011-crash").autoAnswer().start();
             Softphone customer = Softphone.named("customer-crash").account("caller", asterisk.callerPassword()).start()) {
            NewChannelEvent talkingThrough;
            NewChannelEvent talkEndsWhileDown;
            NewChannelEvent inMenu;
            try {
                AgentDesk.ready(first, "010", orders);
                AgentDesk.ready(first, "011", afterSales);

                // Two conversations, each agent's record showing them as soon as Asterisk says they answered.
                talkingThrough = ami.callHotline("10000", "<13900139101>");
                calls.add(talkingThrough);
                ami.joinQueue(talkingThrough, '1');
                talkEndsWhileDown = ami.callHotline("10000", "<13900139102>");
                calls.add(talkEndsWhileDown);
                ami.joinQueue(talkEndsWhileDown, '2');
                for (NewChannelEvent talking : List.of(talkingThrough, talkEndsWhileDown)) {
                    ami.awaitOn(talking.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(15));
                    await().atMost(Duration.ofSeconds(2)).until(() ->
                            first.getJson("/api/calls/" + talking.getUniqueId()).containsKey("agent"));
                }
                // Both agents busy: these wait in their queues.
                for (char queue : new char[] {'1', '2'}) {
                    NewChannelEvent waiting = ami.callHotline("10000", "<1390013911" + queue + ">");
                    calls.add(waiting);
                    ami.joinQueue(waiting, queue);
                }
                inMenu = ami.callHotline("10000", "<13900139121>");
                calls.add(inMenu);
                ami.awaitCommand(inMenu, "/menu", Duration.ofSeconds(15));
                NewChannelEvent inGreeting = ami.callHotline("10000", "<13900139131>");
                calls.add(inGreeting);
                ami.awaitCommand(inGreeting, "greeting", Duration.ofSeconds(10));
                Thread.sleep(300);
            } finally {
                first.kill();
            }
            Instant killedAt = Instant.now();

            // Cut in the greeting, the menu and the queues: Asterisk's fallback holds them (music,
            // asking the server again). While the server is down the caller in the menu and the
            // one waiting for queue 2 leave on hold, one conversation ends, new calls keep coming.
            List<NewChannelEvent> heldThrough = new ArrayList<>(List.of(calls.get(2), calls.get(5)));
            List<NewChannelEvent> endWhileDown = new ArrayList<>(List.of(inMenu, calls.get(3), talkEndsWhileDown));
            ami.hangUp(inMenu);
            Thread.sleep(1500);
            afterSales.hangUp(); // the agent ends it: the fallback closes the call politely, no hold, no menu
            List<NewChannelEvent> imported = new ArrayList<>();
            List<NewChannelEvent> takenBack = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                NewChannelEvent call = ami.callHotline("10000", "<1390013920" + n + ">");
                calls.add(call);
                if (n < 2) {
                    takenBack.add(call); // stays on hold until a server takes it back
                    Thread.sleep(500);
                } else {
                    Thread.sleep(n < 4 ? 1500 : 4000);
                    ami.hangUp(call); // during Asterisk's own greeting, or on its hold
                    imported.add(call);
                }
                if (n == 3) {
                    ami.hangUp(calls.get(3)); // the queue-2 caller gives up on hold
                }
            }
            // a caller on a SIP phone too: their call's id is their PJSIP channel's own unique id
            customer.awaitRegistered(Duration.ofSeconds(10));
            Instant dialled = Instant.now();
            customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
            NewChannelEvent sipCall = (NewChannelEvent) ami.await(e -> e instanceof NewChannelEvent n && n.getChannel() != null
                    && n.getChannel().startsWith("PJSIP/caller-") && n.getDateReceived().toInstant().isAfter(dialled.minusMillis(5)),
                    Duration.ofSeconds(10));
            calls.add(sipCall);
            imported.add(sipCall);
            Thread.sleep(3000);
            customer.hangUp();
            long left = Duration.ofSeconds(19).minus(Duration.between(killedAt, Instant.now())).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
            // one more just before the restart: Asterisk still holds it when the new server settles
            NewChannelEvent straggler = ami.callHotline("10000", "<13900139299>");
            calls.add(straggler);
            takenBack.add(straggler);
            for (NewChannelEvent call : concat(imported, endWhileDown)) {
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(30));
            }
            Thread.sleep(Math.max(0, Duration.ofSeconds(20).minus(Duration.between(killedAt, Instant.now())).toMillis()));

            Map<String, JsonObject> records;
            Instant restartedAt = Instant.now();
            ServerProcess second = ServerProcess.start(asterisk, database, "calls-through-a-crash-second");
            Duration killToHealthy = Duration.between(killedAt, Instant.now());
            Duration startToHealthy = Duration.between(restartedAt, Instant.now());
            try {
                // the agents are back as they left their desks, no ready click needed
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        second.getJson("/api/agents/011").getString("state").equals("ready"));
                assertThat(second.getJson("/api/agents/010").getString("state")).as("agent 010 after the restart")
                        .isEqualTo("ready");
                // calls keep arriving at the new server
                NewChannelEvent afterRestart = ami.callHotline("10000", "<13900139301>");
                calls.add(afterRestart);
                ami.awaitCommand(afterRestart, "/menu", Duration.ofSeconds(15));
                ami.hangUp(afterRestart);
                // the callers on hold are taken back by the new server (at the menu), then hang up
                for (NewChannelEvent held : concat(heldThrough, takenBack)) {
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
                        var response = second.get("/api/calls/" + held.getUniqueId());
                        JsonObject fallback = response.statusCode() == 200
                                ? new JsonObject(response.body()).getJsonObject("fallback") : null;
                        return fallback != null && fallback.containsKey("takenBackAt");
                    });
                    ami.hangUp(held);
                }
                // the conversation that went on through the crash ends now, the agent hanging up: the
                // caller, still there, is taken back to the rating (not to the menu) and hangs up there
                Thread.sleep(1000);
                orders.hangUp();
                ami.awaitCommand(talkingThrough, "/survey", Duration.ofSeconds(20));
                ami.hangUp(talkingThrough);
                for (NewChannelEvent call : calls) {
                    ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(40));
                    expectedSide.put(call.getUniqueId(), "caller"); // each call here ends by its caller's hang-up
                }
                // Asterisk keeps the agent as the caller channel's hangupsource when the fallback closes it after them
                expectedSide.put(talkEndsWhileDown.getUniqueId(), "agent");

                records = new TreeMap<>();
                for (NewChannelEvent call : calls) {
                    records.put(call.getUniqueId(), ServerRecords.awaitComplete(second, call.getUniqueId()));
                }
                // kept for reading after the run (docs/resilience.md)
                Files.writeString(java.nio.file.Path.of("target", "calls-through-a-crash-records.json"),
                        new JsonObject(new LinkedHashMap<>(records)).encodePrettily());
                for (NewChannelEvent call : calls) {
                    String id = call.getUniqueId();
                    JsonObject record = records.get(id);
                    assertThat(ServerRecords.answerWait(ami, call)).as("call %s answered within three rings", id).isLessThanOrEqualTo(THREE_RINGS);
                    HangupEvent hangup = (HangupEvent) ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(1));
                    assertThat(Duration.between(TestAmi.at(hangup), Instant.parse(record.getString("endedAt"))).abs())
                            .as("call %s ended when Asterisk hung it up: %s", id, record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                    assertThat(record.getJsonObject("hangup").getString("side")).as("who ended call %s: %s", id, record.encode())
                            .isEqualTo(expectedSide.get(id));
                    assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s", id)
                            .isNotNull().isNotEqualTo("lost-with-server");
                    assertThat(ServerRecords.eventsOfType(record, "ended")).as("call %s ended once: %s", id, record.encode()).isEqualTo(1);
                    assertThat(ServerRecords.eventsOfType(record, "flow-ended")).as("call %s has one outcome: %s", id, record.encode())
                            .isEqualTo(1);
                    assertThat(ServerRecords.eventsOfType(record, "arrived")).as("call %s arrived once: %s", id, record.encode()).isEqualTo(1);
                    assertThat(ServerRecords.eventsOfType(record, "settled")).as("call %s settled at most once", id).isLessThanOrEqualTo(1);
                    assertThat(Duration.between(TestAmi.at(call), Instant.parse(record.getString("arrivalAt"))).abs())
                            .as("call %s arrived when Asterisk created its channel: %s", id, record.encode())
                            .isLessThanOrEqualTo(SAME_MOMENT);
                }
                for (NewChannelEvent call : imported) {
                    JsonObject record = records.get(call.getUniqueId());
                    assertThat(record.getString("source")).as(record.encode()).isEqualTo("imported-from-cel");
                    assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("fallback-answered");
                    assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
                    assertThat(record.getJsonObject("greeting").getString("startedAt")).isNotNull();
                }
                // held by the fallback through the downtime, then the new server's own calls
                for (NewChannelEvent call : takenBack) {
                    JsonObject record = records.get(call.getUniqueId());
                    assertThat(record.getString("source")).as("not imported: %s", record.encode()).isNotEqualTo("imported-from-cel");
                    assertThat(record.getString("answeredBy")).as(record.encode()).isEqualTo("fallback");
                    assertThat(record.getJsonObject("answer").getBoolean("withinRule")).as(record.encode()).isTrue();
                    assertThat(record.getJsonObject("fallback").getString("takenBackAt")).isNotNull();
                    assertThat(record.getJsonObject("flow").getString("outcome")).as(record.encode()).isEqualTo("caller-hung-up");
                }
                // cut by the kill, held, and taken back: the flow owns them again, its outcome stands
                for (NewChannelEvent call : heldThrough) {
                    JsonObject record = records.get(call.getUniqueId());
                    assertThat(record.getJsonObject("fallback").getString("takenBackAt")).as(record.encode()).isNotNull();
                    assertThat(record.getJsonObject("settled").getString("how")).as(record.encode()).isEqualTo("adopted-live");
                    assertThat(record.getJsonObject("flow").getString("outcome")).as(record.encode()).isEqualTo("caller-hung-up");
                }
                for (NewChannelEvent call : endWhileDown) {
                    assertThat(records.get(call.getUniqueId()).getJsonObject("settled").getString("how"))
                            .as(records.get(call.getUniqueId()).encode()).isEqualTo("closed-from-cel");
                }
                // the conversations keep their agent and their true end, by Asterisk's bridge events
                assertConversation(ami, records.get(talkingThrough.getUniqueId()), talkingThrough, "010", "adopted-live");
                JsonObject talkedThrough = records.get(talkingThrough.getUniqueId());
                assertThat(talkedThrough.getJsonObject("conversation").getString("endedBy")).as(talkedThrough.encode())
                        .isEqualTo("agent");
                assertThat(talkedThrough.getJsonObject("fallback").getString("takenBackAt")).isNotNull();
                assertThat(talkedThrough.getJsonObject("survey").getString("offeredAt")).isNotNull();
                List<String> afterTakeBack = new ArrayList<>();
                talkedThrough.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type"))
                        .dropWhile(type -> !"taken-back".equals(type)).forEach(afterTakeBack::add);
                assertThat(afterTakeBack).as("not asked the menu again").contains("survey-offered")
                        .doesNotContain("no-input", "key-pressed", "choice-made", "invalid-key");
                assertConversation(ami, records.get(talkEndsWhileDown.getUniqueId()), talkEndsWhileDown, "011", "closed-from-cel");
                assertThat(records.get(talkEndsWhileDown.getUniqueId()).getJsonObject("conversation").getString("endedBy"))
                        .isEqualTo("agent");
                assertThat(ami.first(NewExtenEvent.class, e -> talkEndsWhileDown.getUniqueId().equals(e.getUniqueId())
                        && "Playback".equals(e.getApplication()) && e.getAppData() != null && e.getAppData().endsWith("/closing")))
                        .as("the fallback closed the call politely after the conversation").isPresent();
                assertThat(ami.first(NewExtenEvent.class, e -> talkEndsWhileDown.getUniqueId().equals(e.getUniqueId())
                        && e.getAppData() != null && (e.getAppData().endsWith("/hold-on") || e.getAppData().endsWith("/fallback"))))
                        .as("not put on hold as a new caller").isEmpty();

                // exactly one record per call, none besides, and the reports count every one
                Set<String> made = calls.stream().map(NewChannelEvent::getUniqueId).collect(Collectors.toCollection(TreeSet::new));
                assertThat(ServerRecords.recordIds(second, testStart)).isEqualTo(made);
                Instant hour = testStart.truncatedTo(ChronoUnit.HOURS);
                String period = "/api/reports?from=" + hour + "&to=" + Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        second.getJson(period).getJsonObject("figures").getLong("calls") == made.size());

                long open = 0;
                for (Object call : second.getJson("/api/calls?limit=500&from=" + testStart).getJsonArray("calls")) {
                    open += ((JsonObject) call).containsKey("endedAt") ? 0 : 1;
                }
                Duration longestRing = Duration.ZERO;
                for (NewChannelEvent call : calls) {
                    Duration wait = ServerRecords.answerWait(ami, call);
                    longestRing = wait.compareTo(longestRing) > 0 ? wait : longestRing;
                }
                System.out.printf("calls through a crash: %d calls, %d lost with the server, %d records left open, "
                                + "longest ring %.2f s, kill -> healthy %.1f s (start -> healthy %.1f s)%n",
                        made.size(), records.values().stream().filter(r -> "lost-with-server".equals(
                                r.getJsonObject("flow").getString("outcome"))).count(),
                        open, longestRing.toMillis() / 1000.0, killToHealthy.toMillis() / 1000.0, startToHealthy.toMillis() / 1000.0);
                assertThat(open).as("records left open").isZero();
            } finally {
                second.close();
            }

            // A further start settles and imports nothing: every record stays as it was.
            ServerProcess third = ServerProcess.start(asterisk, database, "calls-through-a-crash-third");
            try {
                Thread.sleep(3000); // the settling runs after the AMI login, off the start path
                for (NewChannelEvent call : calls) {
                    JsonObject again = third.getJson("/api/calls/" + call.getUniqueId());
                    assertThat(again.getJsonArray("events")).as("call %s unchanged", call.getUniqueId())
                            .isEqualTo(records.get(call.getUniqueId()).getJsonArray("events"));
                }
                assertThat(ServerRecords.recordIds(third, testStart)).hasSize(calls.size());
            } finally {
                third.close();
            }
        } finally {
            first.kill();
        }
    }

    private static void assertConversation(TestAmi ami, JsonObject record, NewChannelEvent call, String agent, String settled) {
        BridgeLeaveEvent talkEnd = (BridgeLeaveEvent) ami.first(BridgeLeaveEvent.class,
                e -> call.getUniqueId().equals(e.getUniqueId())).orElseThrow();
        assertThat(record.getJsonObject("agent").getString("id")).isEqualTo(agent);
        assertThat(record.getJsonObject("conversation").getString("agent")).isEqualTo(agent);
        assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(record.getJsonObject("conversation").getString("endedAt"))).abs())
                .as("the conversation's true end: %s", record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("connected");
        assertThat(record.getJsonObject("settled").getString("how")).isEqualTo(settled);
    }

    private static List<NewChannelEvent> concat(List<NewChannelEvent> a, List<NewChannelEvent> b) {
        List<NewChannelEvent> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }
}
