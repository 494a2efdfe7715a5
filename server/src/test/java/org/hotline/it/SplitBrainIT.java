package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    private static final Duration SAME_MOMENT = Duration.ofMillis(20);

    @Test
    void aFrozenActiveServerLosesItsCallersToTheNewActiveOneAndStepsDownWhenItWakes() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "split_brain_it_" + System.nanoTime();
        Path dirs = Files.createTempDirectory(Path.of("/tmp"), "sb");
        int agiA = FreePorts.tcp();
        int agiB = FreePorts.tcp();
        String servers = "127.0.0.1:" + agiA + ",127.0.0.1:" + agiB;
        ServerProcess a = ServerProcess.start(asterisk, database, "split-brain-a", Map.of("HOTLINE_AGI_PORT", String.valueOf(agiA),
                "HOTLINE_AGI_SERVERS", servers, "HOTLINE_DATA_DIR", dirs.resolve("a").toString()), true);
        ServerProcess b = null;
        List<NewChannelEvent> calls = new ArrayList<>();
        try (TestAmi ami = new TestAmi(asterisk);
             Softphone agent = AgentDesk.phone(asterisk, "010", "agent-010-sb").autoAnswer().start()) {
            b = ServerProcess.start(asterisk, database, "split-brain-b", Map.of("HOTLINE_AGI_PORT", String.valueOf(agiB),
                    "HOTLINE_AGI_SERVERS", servers, "HOTLINE_DATA_DIR", dirs.resolve("b").toString()), false);
            AgentDesk.ready(a, "010", agent);

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

            ServerProcess active = b;
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    return "up".equals(active.healthJson().getString("status"));
                } catch (Exception notYet) {
                    return false;
                }
            });
            Duration freezeToActive = Duration.between(frozenAt, Instant.now());
            b.login(database);
            // each caller the frozen server held is taken back by the new active server
            for (NewChannelEvent held : List.of(waiting, inMenu, duringFreeze)) {
                ServerRecords.awaitTakenBack(b, held);
            }
            ami.joinQueue(inMenu, '1');
            ami.joinQueue(duringFreeze, '1');

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
                assertThat(FirstRings.ring(ami, call)).as("call %s answered within three rings", call.getUniqueId())
                        .isLessThanOrEqualTo(THREE_RINGS);
                assertThat(FirstRings.dialplanPlaybacks(ami, call)).as("call %s never told the service is unavailable",
                        call.getUniqueId()).noneMatch(prompt -> prompt.endsWith("/fallback"));
                long rings = ami.events().stream().filter(e -> e instanceof DialBeginEvent d && call.getUniqueId().equals(d.getUniqueId())
                        && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-")).count();
                assertThat(rings).as("the agent's phone rang once for call %s", call.getUniqueId()).isEqualTo(1);
            }
            List<String> served = new ArrayList<>();
            ami.events().stream().filter(e -> e instanceof DialBeginEvent d && d.getDestChannel() != null
                            && d.getDestChannel().startsWith("PJSIP/agent-") && !TestAmi.at(e).isBefore(servingFrom))
                    .forEach(e -> served.add(((DialBeginEvent) e).getUniqueId()));
            assertThat(served).as("served in the order they called")
                    .containsExactly(waiting.getUniqueId(), inMenu.getUniqueId(), duringFreeze.getUniqueId());

            Map<String, JsonObject> records = new TreeMap<>();
            for (NewChannelEvent call : calls) {
                records.put(call.getUniqueId(), ServerRecords.awaitComplete(b, call.getUniqueId()));
            }
            Files.writeString(Path.of("target", "split-brain-records.json"), new JsonObject(new LinkedHashMap<>(records)).encodePrettily());
            for (NewChannelEvent call : calls) {
                String id = call.getUniqueId();
                JsonObject record = records.get(id);
                HangupEvent hangup = (HangupEvent) ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(1));
                assertThat(Duration.between(TestAmi.at(hangup), Instant.parse(record.getString("endedAt"))).abs())
                        .as("call %s ended when Asterisk hung it up: %s", id, record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
                assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s: %s", id, record.encode())
                        .isEqualTo("connected");
                assertThat(ServerRecords.eventsOfType(record, "arrived")).as("call %s arrived once", id).isEqualTo(1);
                assertThat(ServerRecords.eventsOfType(record, "ended")).as("call %s ended once: %s", id, record.encode()).isEqualTo(1);
            }
            JsonObject first = records.get(talking.getUniqueId());
            BridgeLeaveEvent talkEnd = ami.first(BridgeLeaveEvent.class, e -> talking.getUniqueId().equals(e.getUniqueId())).orElseThrow();
            assertThat(first.getJsonObject("conversation").getString("agent")).isEqualTo("010");
            assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(first.getJsonObject("conversation").getString("endedAt")))
                    .abs()).as("the conversation's true end: %s", first.encode()).isLessThanOrEqualTo(SAME_MOMENT);
            System.out.printf("SplitBrainIT: freeze -> standby active %.1f s, thaw -> stepped down %.1f s%n",
                    freezeToActive.toMillis() / 1000.0, thawToExit.toMillis() / 1000.0);
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }
    }
}
