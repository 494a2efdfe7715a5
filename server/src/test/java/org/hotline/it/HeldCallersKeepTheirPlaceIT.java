package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.junit.jupiter.api.Test;

/**
 * Two callers wait in the orders queue, nobody free to take them (A called first, then B); the
 * server is killed (SIGKILL). Asterisk's fallback holds both with music, never saying the service
 * is unavailable; a server started again on the same store takes each of them back straight into
 * the queue at the place they held — no menu again — and, though B is taken back first and the
 * agent made ready while A is still held, the agent is offered A first, then B. Each call has one record with its first arrival, its first join of the queue, the
 * take-back, the agent and the true end, by Asterisk's own events.
 */
class HeldCallersKeepTheirPlaceIT {

    /** CEL and AMI stamp one moment separately, microseconds apart; a record keeps milliseconds. */
    private static final Duration SAME_MOMENT = Duration.ofMillis(20);
    private static final String AGENT_LEG = "PJSIP/agent-010-";

    @Test
    void callersWaitingWhenTheirServerIsKilledAreHeldAndOfferedInTheirOriginalOrderAfterTheRestart() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "held_callers_place_it_" + System.nanoTime();
        Instant testStart = Instant.now().minusSeconds(1);
        ServerProcess first = ServerProcess.start(asterisk, database, "held-callers-place-first");
        try (TestAmi ami = new TestAmi(asterisk);
             Softphone agent = agentPhone(asterisk).autoAnswer().start()) {
            NewChannelEvent a;
            NewChannelEvent b;
            try {
                // 010 takes orders, is at work but paused: the callers wait, nobody is offered them
                agent.awaitRegistered(Duration.ofSeconds(10));
                await().atMost(Duration.ofSeconds(10)).until(() -> first.getJson("/api/agents/010").getBoolean("phoneRegistered"));
                assertThat(first.put("/api/agents/010/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
                assertThat(first.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}").statusCode())
                        .isEqualTo(200);
                a = ami.callHotline("10000", "<13900139401>");
                ami.joinQueue(a, '1');
                b = ami.callHotline("10000", "<13900139402>");
                ami.joinQueue(b, '1');
                Thread.sleep(1500);
            } finally {
                first.kill();
            }
            Instant killedAt = Instant.now();
            // B's fallback asks the servers every 5 s; A's only when the test moves it on: B is back
            // first, and the order after the restart is still their places', not the order of their returns
            ami.setVariable(a, "HOTLINE_DEADLINE", "600");

            // Held by Asterisk's fallback: "please stay on the line", then music while it asks the servers again.
            for (NewChannelEvent held : List.of(a, b)) {
                ami.awaitOn(held.getUniqueId(), e -> e instanceof NewExtenEvent n && "Playback".equals(n.getApplication())
                        && n.getAppData() != null && n.getAppData().endsWith("/hold-on"), Duration.ofSeconds(15));
                ami.awaitOn(held.getUniqueId(), e -> e instanceof NewExtenEvent n
                        && "StartMusicOnHold".equals(n.getApplication()), Duration.ofSeconds(15));
            }
            Thread.sleep(3000); // a few of the fallback's tries at the servers find none

            Instant restartedAt = Instant.now();
            try (ServerProcess second = ServerProcess.start(asterisk, database, "held-callers-place-second")) {
                assertThat(second.getJson("/api/agents/010").getString("state")).as("the agent came back as they left").isEqualTo("paused");
                // B is back; the agent is made ready while A is still held: the agent waits for A
                awaitBackInQueue(ami, second, b, restartedAt);
                assertThat(second.getJson("/api/calls/" + a.getUniqueId()).getJsonObject("queue", new JsonObject())
                        .containsKey("backAt")).as("A still held when the agent is ready").isFalse();
                Instant readyAt = Instant.now();
                assertThat(second.put("/api/agents/010/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
                Thread.sleep(2000); // the agent free, B back, A not: nobody is offered B meanwhile
                ami.askServersAgain(a);
                // taken back straight into the queue: the place is set again on the channel, the hold music plays
                for (NewChannelEvent held : List.of(a)) {
                    awaitBackInQueue(ami, second, held, restartedAt);
                }
                assertThat(Instant.parse(second.getJson("/api/calls/" + b.getUniqueId()).getJsonObject("queue").getString("backAt")))
                        .as("B back in the queue before A").isBefore(Instant.parse(
                                second.getJson("/api/calls/" + a.getUniqueId()).getJsonObject("queue").getString("backAt")));
                DialBeginEvent firstOffer = (DialBeginEvent) ami.await(e -> e instanceof DialBeginEvent d
                        && d.getDestChannel() != null && d.getDestChannel().startsWith(AGENT_LEG)
                        && TestAmi.at(d).isAfter(readyAt), Duration.ofSeconds(20));
                assertThat(firstOffer.getUniqueId()).as("A called first, is offered first").isEqualTo(a.getUniqueId());
                ami.awaitOn(a.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(15));
                Thread.sleep(1000);
                ami.hangUp(a);
                // after the agent's wrap-up, B
                ami.awaitOn(b.getUniqueId(), e -> e instanceof DialBeginEvent d && d.getDestChannel() != null
                        && d.getDestChannel().startsWith(AGENT_LEG), Duration.ofSeconds(40));
                ami.awaitOn(b.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(15));
                Thread.sleep(1000);
                ami.hangUp(b);
                for (NewChannelEvent call : List.of(a, b)) {
                    ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(15));
                }

                JsonObject recordA = completed(second, a.getUniqueId());
                JsonObject recordB = completed(second, b.getUniqueId());
                Files.writeString(java.nio.file.Path.of("target", "held-callers-place-records.json"),
                        new JsonObject().put("a", recordA).put("b", recordB).encodePrettily());

                for (NewChannelEvent call : List.of(a, b)) {
                    String id = call.getUniqueId();
                    JsonObject record = id.equals(a.getUniqueId()) ? recordA : recordB;
                    // never asked to choose again, never told the call cannot be taken
                    assertThat(ami.events()).as("menu after the kill on %s", id).noneMatch(e -> e instanceof AgiExecStartEvent s
                            && id.equals(s.getUniqueId()) && s.getCommand() != null && s.getCommand().contains("/menu")
                            && TestAmi.at(e).isAfter(killedAt));
                    assertThat(FirstRings.dialplanPlaybacks(ami, call)).as("the fallback's prompts on %s", id)
                            .containsExactly("hotline/zh/hold-on");
                    assertThat(FirstRings.greetings(ami, call)).as("greetings of %s", id).isEqualTo(1);

                    assertThat(Duration.between(TestAmi.at(call), Instant.parse(record.getString("arrivalAt"))).abs())
                            .as("arrived when Asterisk created the channel: %s", record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                    // the queue joined once, before the kill: the server stamps the join just before Asterisk logs it
                    Instant joinLogged = TestAmi.at(firstQueuedMark(ami, id));
                    Instant enqueuedAt = Instant.parse(record.getJsonObject("queue").getString("enqueuedAt"));
                    assertThat(enqueuedAt).as(record.encode()).isBetween(joinLogged.minusMillis(500), joinLogged.plusMillis(5));
                    assertThat(record.getJsonObject("queue").getString("name")).isEqualTo("orders");
                    Instant takenBack = Instant.parse(record.getJsonObject("fallback").getString("takenBackAt"));
                    assertThat(takenBack).as(record.encode()).isAfter(restartedAt);
                    assertThat(Instant.parse(record.getJsonObject("queue").getString("backAt"))).isAfterOrEqualTo(takenBack);
                    List<String> afterTakeBack = types(record).stream().dropWhile(type -> !"taken-back".equals(type)).toList();
                    assertThat(afterTakeBack).as("straight back into the queue: %s", record.encode())
                            .contains("back-in-queue", "agent-answered", "conversation-started")
                            .doesNotContain("no-input", "key-pressed", "choice-made", "invalid-key", "queued");
                    assertThat(types(record).stream().filter("queued"::equals).count()).as(record.encode()).isEqualTo(1);

                    // the agent and the true end, by Asterisk's bridge and hang-up events
                    assertThat(record.getJsonObject("agent").getString("id")).isEqualTo("010");
                    BridgeEnterEvent talkStart = (BridgeEnterEvent) ami.first(BridgeEnterEvent.class,
                            e -> id.equals(e.getUniqueId())).orElseThrow();
                    BridgeLeaveEvent talkEnd = (BridgeLeaveEvent) ami.first(BridgeLeaveEvent.class,
                            e -> id.equals(e.getUniqueId())).orElseThrow();
                    JsonObject conversation = record.getJsonObject("conversation");
                    assertThat(conversation.getString("agent")).isEqualTo("010");
                    assertThat(Duration.between(TestAmi.at(talkStart), Instant.parse(conversation.getString("startedAt"))).abs())
                            .as(record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                    assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(conversation.getString("endedAt"))).abs())
                            .as(record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                    HangupEvent hangup = (HangupEvent) ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(1));
                    assertThat(Duration.between(TestAmi.at(hangup), Instant.parse(record.getString("endedAt"))).abs())
                            .as("ended when Asterisk hung it up: %s", record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                    assertThat(record.getJsonObject("hangup").getString("side")).as(record.encode()).isEqualTo("caller");
                    assertThat(record.getJsonObject("flow").getString("outcome")).as(record.encode()).isEqualTo("connected");
                    assertThat(types(record).stream().filter("ended"::equals).count()).as(record.encode()).isEqualTo(1);
                    assertThat(types(record).stream().filter("arrived"::equals).count()).as(record.encode()).isEqualTo(1);
                }
                assertThat(Instant.parse(recordA.getJsonObject("queue").getString("enqueuedAt")))
                        .isBefore(Instant.parse(recordB.getJsonObject("queue").getString("enqueuedAt")));
                assertThat(Instant.parse(recordA.getJsonObject("agent").getString("answeredAt")))
                        .as("A talked to the agent before B").isBefore(Instant.parse(recordB.getJsonObject("agent").getString("answeredAt")));

                // one record per call, none besides
                Set<String> ids = new TreeSet<>();
                second.getJson("/api/calls?limit=500&from=" + testStart + "&to=" + Instant.now().plusSeconds(60))
                        .getJsonArray("calls").forEach(call -> ids.add(((JsonObject) call).getString("id")));
                assertThat(ids).containsExactlyInAnyOrder(a.getUniqueId(), b.getUniqueId());
                System.out.printf("held callers keep their place: kill -> B taken back %.1f s (restart -> %.1f s), A %.1f s later%n",
                        seconds(killedAt, takenBackAt(recordB)), seconds(restartedAt, takenBackAt(recordB)),
                        seconds(takenBackAt(recordB), takenBackAt(recordA)));
            }
        } finally {
            first.kill();
        }
    }

    /** Taken back straight into the queue: the place set again on the channel, and the record says so. */
    private static void awaitBackInQueue(TestAmi ami, ServerProcess server, NewChannelEvent held, Instant restartedAt)
            throws InterruptedException {
        ami.awaitOn(held.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("HOTLINE_QUEUED") && TestAmi.at(e).isAfter(restartedAt), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getJson("/api/calls/" + held.getUniqueId())
                .getJsonObject("queue", new JsonObject()).containsKey("backAt"));
    }

    private static Instant takenBackAt(JsonObject record) {
        return Instant.parse(record.getJsonObject("fallback").getString("takenBackAt"));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Asterisk's first log of the call joining a queue (the flow's {@code HOTLINE_QUEUED} user event, sent over AGI). */
    private static ManagerEvent firstQueuedMark(TestAmi ami, String id) {
        return ami.events().stream().filter(e -> e instanceof AgiExecStartEvent s && id.equals(s.getUniqueId())
                && s.getCommand() != null && s.getCommand().contains("HOTLINE_QUEUED")).findFirst().orElseThrow();
    }

    private static List<String> types(JsonObject record) {
        JsonArray events = record.getJsonArray("events");
        return events.stream().map(e -> ((JsonObject) e).getString("type")).toList();
    }

    /** The call's record once it is closed with its flow's outcome and the conversation's end. */
    private static JsonObject completed(ServerProcess server, String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> server.getJson("/api/calls/" + id), record -> record.containsKey("endedAt")
                        && record.containsKey("hangup") && record.getJsonObject("flow").getString("outcome") != null
                        && record.getJsonObject("conversation").containsKey("endedAt"));
    }

    private static Softphone.Builder agentPhone(AsteriskSandbox asterisk) throws Exception {
        String password = Files.readString(asterisk.stateDir().resolve("secrets/agents/010.password")).strip();
        return Softphone.named("agent-010-place").account("agent-010", password);
    }
}
