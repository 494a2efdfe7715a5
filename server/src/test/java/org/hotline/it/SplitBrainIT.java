package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * The active server freezes (SIGSTOP: its sockets stay open, it says nothing) with a caller
 * talking, one waiting in the queue and one in the menu; the standby takes over once the lease
 * expires; then the frozen server wakes up. Asterisk's deadline on each caller the frozen server
 * held hands them to the fallback, and the new active server takes them back; the woken server
 * finds the lease taken and steps down (exit status 3) without ringing anyone. Every caller is
 * served once, in the order they called, and has one complete record.
 */
class SplitBrainIT {

    private static final Duration SAME_MOMENT = Duration.ofMillis(20);

    @Test
    void aFrozenActiveServerLosesItsCallersToTheNewActiveOneAndStepsDownWhenItWakes() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "split_brain_it_" + System.nanoTime();
        List<NewChannelEvent> calls = new ArrayList<>();
        try (ServerPair servers = ServerPair.startFirst(asterisk, database, "split-brain");
             TestAmi ami = new TestAmi(asterisk);
             Softphone agent = AgentDesk.phone(asterisk, "010", "agent-010-sb").autoAnswer().start()) {
            ServerProcess a = servers.first;
            ServerProcess b = servers.startStandby();
            AgentDesk.ready(a, "010", agent);
            // A campaign under way through the freeze: two customers answer, six are always busy (3 tries each).
            JsonArray contacts = new JsonArray().add(new JsonObject().put("number", "13900000031"))
                    .add(new JsonObject().put("number", "13900000032"));
            for (int n = 1; n <= 6; n++) {
                contacts.add(new JsonObject().put("number", "1390000002" + n));
            }
            java.net.http.HttpResponse<String> created = a.post("/api/campaigns", new JsonObject()
                    .put("id", "split-brain").put("name", "Split brain").put("kind", "survey")
                    .put("rules", new JsonObject().put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                            .put("maxAttempts", 3).put("retryAfterMinutes", new JsonObject().put("busy", 0)).put("maxLines", 2))
                    .put("contacts", contacts).encode());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(a.post("/api/campaigns/split-brain/start", "").statusCode()).isEqualTo(200);

            NewChannelEvent talking = ami.callHotline("10000", "<13900139501>");
            calls.add(talking);
            ami.joinQueue(talking, '1');
            ami.awaitOn(talking.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(15));
            NewChannelEvent waiting = ami.callHotline("10000", "<13900139502>");
            calls.add(waiting);
            ami.joinQueue(waiting, '1');
            NewChannelEvent inMenu = ami.callHotline("10000", "<13900139503>");
            calls.add(inMenu);
            ami.awaitCommand(inMenu, "/menu", Duration.ofSeconds(15));

            a.freeze();
            Instant frozenAt = Instant.now();
            Thread.sleep(3000);
            NewChannelEvent duringFreeze = ami.callHotline("10000", "<13900139504>");
            calls.add(duringFreeze);

            Duration freezeToActive = servers.awaitTakeOver(frozenAt, Duration.ofSeconds(40));
            // each caller the frozen server held is taken back by the new active server
            for (NewChannelEvent held : List.of(waiting, inMenu, duringFreeze)) {
                ServerRecords.awaitTakenBack(b, held);
            }
            for (NewChannelEvent back : List.of(inMenu, duringFreeze)) {
                ami.joinQueueAgain(back, '1', Instant.parse(b.getJson("/api/calls/" + back.getUniqueId())
                        .getJsonObject("fallback").getString("takenBackAt")).minusSeconds(1));
            }

            // The frozen server wakes: it finds another holds the lease and steps down.
            Instant thawedAt = Instant.now();
            a.thaw();
            assertThat(a.awaitExit(Duration.ofSeconds(30))).as("the woken server stopped").isTrue();
            assertThat(a.exitValue()).as("exit status of a server that stepped down").isEqualTo(3);
            Duration thawToExit = Duration.between(thawedAt, Instant.now());

            // The agent ends the first conversation; the three wait in the order they called.
            Instant servingFrom = Instant.now();
            agent.hangUp();
            for (NewChannelEvent call : List.of(waiting, inMenu, duringFreeze)) {
                ami.awaitOn(call.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(60));
                Thread.sleep(1000);
                ami.hangUp(call);
            }
            for (NewChannelEvent call : calls) {
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(30));
            }

            for (NewChannelEvent call : calls) {
                ServerRecords.assertServedWithinThreeRings(ami, call);
                long rings = ami.events().stream().filter(e -> e instanceof DialBeginEvent d && call.getUniqueId().equals(d.getUniqueId())
                        && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-")).count();
                assertThat(rings).as("the agent's phone rang once for call %s", call.getUniqueId()).isEqualTo(1);
            }
            List<String> served = ServerRecords.offeredAfter(ami, servingFrom,
                    Set.of(waiting.getUniqueId(), inMenu.getUniqueId(), duringFreeze.getUniqueId()));
            assertThat(served).as("served in the order they called")
                    .containsExactly(waiting.getUniqueId(), inMenu.getUniqueId(), duringFreeze.getUniqueId());

            Map<String, JsonObject> records = new TreeMap<>();
            for (NewChannelEvent call : calls) {
                records.put(call.getUniqueId(), ServerRecords.awaitComplete(b, call.getUniqueId()));
            }
            Files.writeString(Path.of("target", "split-brain-records.json"), new JsonObject(new LinkedHashMap<>(records)).encodePrettily());
            for (NewChannelEvent call : calls) {
                JsonObject record = records.get(call.getUniqueId());
                ServerRecords.assertOneCompleteRecord(ami, call, record);
                assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s: %s", call.getUniqueId(),
                        record.encode()).isEqualTo("connected");
            }
            JsonObject first = records.get(talking.getUniqueId());
            BridgeLeaveEvent talkEnd = ami.first(BridgeLeaveEvent.class, e -> talking.getUniqueId().equals(e.getUniqueId())).orElseThrow();
            assertThat(first.getJsonObject("conversation").getString("agent")).isEqualTo("010");
            assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(first.getJsonObject("conversation").getString("endedAt")))
                    .abs()).as("the conversation's true end: %s", first.encode()).isLessThanOrEqualTo(SAME_MOMENT);
            // The campaign: finished by the new active server, every contact dialled exactly as the rules
            // allow by Asterisk's own channels — the woken server dialled no one.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    "completed".equals(b.getJson("/api/campaigns/split-brain").getString("status")));
            Map<String, Integer> dialled = new TreeMap<>();
            ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                    .map(NewChannelEvent::getChannel)
                    .filter(channel -> channel != null && channel.startsWith("Local/139") && channel.endsWith(";1"))
                    .forEach(channel -> dialled.merge(channel.substring("Local/".length(), channel.indexOf('@')), 1, Integer::sum));
            Map<String, Integer> allowed = new TreeMap<>(Map.of("13900000031", 1, "13900000032", 1));
            for (int n = 1; n <= 6; n++) {
                allowed.put("1390000002" + n, 3);
            }
            assertThat(dialled).as("campaign contacts dialled, by Asterisk's channels").isEqualTo(allowed);
            long longestRing = 0;
            for (NewChannelEvent call : calls) {
                longestRing = Math.max(longestRing, FirstRings.ring(ami, call).toMillis());
            }
            System.out.printf("SplitBrainIT: freeze -> standby active %.1f s, thaw -> stepped down %.1f s, longest ring %d ms%n",
                    freezeToActive.toMillis() / 1000.0, thawToExit.toMillis() / 1000.0, longestRing);
        }
    }
}
