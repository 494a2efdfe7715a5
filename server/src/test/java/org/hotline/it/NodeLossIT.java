package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front door (Kamailio) in front of two real Asterisk nodes, a and b, one server driving both;
 * customers (SIPp) call at a steady rate and node b is killed a third of the way in. Every call sent
 * once b is out of the rotation is answered within three rings by node a, so is every call sent in the
 * gap (the front door's INVITE timeout takes it to a), and the calls up on b are recorded as lost with
 * it. Each fact comes from its own witness: SIPp's message trace (sent, answered), the front door's log
 * (stamp, node) and dispatcher state (in or out), each node's AMI (which channel got which stamp).
 */
class NodeLossIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    private static final int CALLS = 40;
    private static final Duration STAY = Duration.ofSeconds(10);
    /** About a third of the calls are sent before node b goes (after the first INVITE). */
    private static final Duration KILL_AFTER = Duration.ofMillis(12_500);
    /** A record keeps milliseconds of the front door's microseconds. */
    private static final Duration SAME_STAMP = Duration.ofMillis(1);

    private static AsteriskSandbox nodeA;
    private static AsteriskSandbox nodeB;
    private static ServerProcess server;
    private static TestAmi amiA;
    private static TestAmi amiB;
    private static FrontDoor door;
    private static SippCallers callers;
    private static String database;

    @BeforeAll
    static void start() throws Exception {
        nodeA = AsteriskSandbox.startNode("a");
        nodeB = AsteriskSandbox.startNode("b");
        database = "node_loss_it_" + System.nanoTime();
        server = ServerProcess.start(nodeA, database, "node-loss-it-server", Map.of("HOTLINE_ASTERISK_NODES",
                AsteriskSandbox.nodesSetting(nodeA, nodeB)),
                true);
        await().atMost(Duration.ofSeconds(15)).until(() -> "up".equals(server.healthJson().getJsonObject("ami-b").getString("status")));
        amiA = new TestAmi(nodeA);
        amiB = new TestAmi(nodeB);
        door = FrontDoor.start("node-loss", List.of(sip(nodeA), sip(nodeB)));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> door.nodes().values().stream().filter(flags -> flags.startsWith("A")).count() == 2);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {callers, door, server, amiA, amiB}) {
            if (part != null) {
                part.close();
            }
        }
        for (AsteriskSandbox node : new AsteriskSandbox[] {nodeB, nodeA}) {
            if (node != null) {
                node.stop();
            }
        }
    }

    @Test
    void callsKeepBeingAnsweredWithinThreeRingsWhenANodeIsLostAndItsCallsAreRecordedAsLost() throws Exception {
        Instant began = Instant.now();
        callers = SippCallers.call(door, CALLS, 1, STAY);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> !callers.invitesSent().isEmpty());
        Instant first = callers.invitesSent().values().iterator().next();
        // half-way between two calls: no INVITE is on its way to b as it dies
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.plus(KILL_AFTER)).toMillis()));

        ProcessHandle asteriskB = ProcessHandle.of(nodeB.pid()).orElseThrow();
        Instant killedFrom = Instant.now();
        asteriskB.destroyForcibly(); // SIGKILL: no shutdown, no hang-ups sent
        asteriskB.onExit().get();
        Instant killedBy = Instant.now();
        Instant seenIn = killedBy;
        while (inRotation(door.nodes().getOrDefault(sip(nodeB), ""))) {
            seenIn = Instant.now();
            assertThat(Duration.between(killedBy, seenIn)).as("node b still in the rotation").isLessThan(Duration.ofSeconds(15));
            Thread.sleep(100);
        }
        Instant out = Instant.now(); // b was out between seenIn and out: calls sent after out never go to b
        callers.awaitEnd(Duration.ofSeconds(120));
        List<String> upOnB = liveCalls(amiB); // a killed node sends nothing more: what it had up then

        Map<String, Instant> sent = callers.invitesSent();
        Map<String, Instant> answered = callers.answersReceived();
        Map<String, Instant> stamps = door.stamps();
        Map<String, String> sentTo = door.sentTo();
        Map<String, String> channelOf = new HashMap<>(); // SIP Call-ID -> Asterisk's channel, by the stamp it read
        Map<String, String> stampToCall = new HashMap<>();
        stamps.forEach((call, stamp) -> stampToCall.put(seconds(stamp), call));
        readStamps(amiA, stampToCall, channelOf);
        readStamps(amiB, stampToCall, channelOf);
        assertThat(sent).as("every call SIPp placed").hasSize(CALLS);
        assertThat(upOnB).as("calls up on node b when it was killed").isNotEmpty();

        Duration longestAfterKill = Duration.ZERO;
        int afterOut = 0;
        int inGap = 0;
        for (var call : sent.entrySet()) {
            String callId = call.getKey();
            Instant inviteSent = call.getValue();
            assertThat(stamps).as("the front door's stamp of call %s", callId).containsKey(callId);
            assertThat(sentTo).as("the front door's node for call %s", callId).containsKey(callId);
            assertThat(channelOf).as("the channel that read call %s's stamp", callId).containsKey(callId);
            String node = channelOf.get(callId).substring(0, 1);
            assertThat(nodeNamed(sentTo.get(callId))).as("call %s is on the node the front door sent it to", callId).isEqualTo(node);
            if (inviteSent.isAfter(killedBy)) {
                assertThat(answered).as("call %s, sent after the kill, answered", callId).containsKey(callId);
                Duration wait = Duration.between(inviteSent, answered.get(callId));
                longestAfterKill = wait.compareTo(longestAfterKill) > 0 ? wait : longestAfterKill;
                assertThat(wait).as("call %s, sent %s after the kill, answered within three rings",
                        callId, Duration.between(killedBy, inviteSent)).isLessThanOrEqualTo(THREE_RINGS);
                assertThat(node).as("call %s, sent after the kill, taken by node a", callId).isEqualTo("a");
                if (inviteSent.isAfter(out)) {
                    afterOut++;
                    assertThat(door.failedOver()).as("call %s, sent once b was out, went straight to a", callId)
                            .noneMatch(failed -> failed.startsWith(callId + " "));
                } else {
                    inGap++;
                }
            }
        }
        assertThat(afterOut).as("calls sent once b was out").isGreaterThan(10);

        // The records: one for each call, none open, with the front door's stamp and node.
        List<JsonObject> records = closedRecords(began);
        Set<String> ids = new TreeSet<>();
        records.forEach(record -> ids.add(record.getString("id")));
        assertThat(ids).as("one record per call").hasSize(records.size());
        assertThat(ids).as("the records are the nodes' channels").isEqualTo(new TreeSet<>(channelOf.values()));
        Map<String, JsonObject> byId = new HashMap<>();
        records.forEach(record -> byId.put(record.getString("id"), record));
        for (var call : channelOf.entrySet()) {
            JsonObject record = byId.get(call.getValue());
            Instant stamp = stamps.get(call.getKey());
            assertThat(Duration.between(stamp, Instant.parse(record.getString("arrivalAt"))).abs())
                    .as("call %s arrived at the front door's stamp", call.getValue()).isLessThanOrEqualTo(SAME_STAMP);
            assertThat(record.getString("node")).as("call %s's node", call.getValue()).isEqualTo(nodeNamed(sentTo.get(call.getKey())));
        }
        int lost = 0;
        for (String id : upOnB) {
            JsonObject record = byId.get(id);
            assertThat(record).as("the record of %s, up on b at the kill", id).isNotNull();
            assertThat(record.getString("node")).isEqualTo("b");
            assertThat(record.getJsonObject("hangup").getString("side")).as("call %s", id).isEqualTo("asterisk");
            assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s", id).isEqualTo("lost-with-asterisk");
            assertThat(Instant.parse(record.getString("endedAt"))).as("call %s ended when b's link dropped", id)
                    .isBetween(killedFrom.minusMillis(5), killedBy.plusSeconds(1));
            lost++;
        }
        for (JsonObject record : records) {
            if (!upOnB.contains(record.getString("id"))) {
                assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s, not on b at the kill", record.getString("id"))
                        .isNotEqualTo("lost-with-asterisk");
            }
        }
        System.out.printf("node loss: %d calls at 1/s through the front door; node b killed %d ms into the run; b out of the rotation "
                        + "%d-%d ms after the kill; longest INVITE->200 OK of a call sent after the kill %d ms (%d sent in the gap, "
                        + "%d after); calls lost with b %d (all recorded lost-with-asterisk); records %d for %d calls, none open%n",
                CALLS, Duration.between(began, killedFrom).toMillis(), Duration.between(killedBy, seenIn).toMillis(),
                Duration.between(killedBy, out).toMillis(), longestAfterKill.toMillis(), inGap, afterOut, lost, records.size(), sent.size());
    }

    private static String sip(AsteriskSandbox node) {
        return "127.0.0.1:" + node.sipPort();
    }

    /** Kamailio's dispatcher skips a node flagged inactive (I) or disabled (D); trying (T) still gets calls. */
    private static boolean inRotation(String flags) {
        return !(flags.startsWith("I") || flags.startsWith("D"));
    }

    private static String nodeNamed(String address) {
        return address.equals(sip(nodeA)) ? "a" : address.equals(sip(nodeB)) ? "b" : "unknown " + address;
    }

    /** The front door's channels a node has up now (created, not hung up), by Asterisk's events. */
    private static List<String> liveCalls(TestAmi ami) {
        List<String> live = new ArrayList<>();
        Set<String> hungUp = new TreeSet<>();
        for (ManagerEvent event : ami.events()) {
            if (event instanceof HangupEvent hangup) {
                hungUp.add(hangup.getUniqueId());
            }
        }
        for (ManagerEvent event : ami.events()) {
            if (event instanceof org.asteriskjava.manager.event.NewChannelEvent channel && channel.getChannel() != null
                    && channel.getChannel().startsWith("PJSIP/frontdoor-") && !hungUp.contains(channel.getUniqueId())) {
                live.add(channel.getUniqueId());
            }
        }
        return live;
    }

    /** Which channel read which stamp: the dialplan sets HOTLINE_ARRIVAL from the INVITE's header. */
    private static void readStamps(TestAmi ami, Map<String, String> stampToCall, Map<String, String> channelOf) {
        for (ManagerEvent event : ami.events()) {
            String value = null;
            String id = null;
            if (event instanceof VarSetEvent set && "HOTLINE_ARRIVAL".equals(set.getVariable())) {
                value = set.getValue();
                id = set.getUniqueId();
            } else if (event instanceof NewExtenEvent exten && "Set".equalsIgnoreCase(exten.getApplication())
                    && exten.getAppData() != null && exten.getAppData().startsWith("HOTLINE_ARRIVAL=")) {
                value = exten.getAppData().substring("HOTLINE_ARRIVAL=".length());
                id = exten.getUniqueId();
            }
            if (value != null && stampToCall.containsKey(value)) {
                String previous = channelOf.put(stampToCall.get(value), id);
                assertThat(previous == null || previous.equals(id)).as("one channel for stamp %s", value).isTrue();
            }
        }
    }

    private static String seconds(Instant stamp) {
        return new BigDecimal(stamp.getEpochSecond()).add(BigDecimal.valueOf(stamp.getNano() / 1_000, 6)).toPlainString();
    }

    private static List<JsonObject> closedRecords(Instant from) {
        List<JsonObject> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            records.clear();
            JsonArray page = server.getJson("/api/calls?limit=500&from=" + from.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(60))
                    .getJsonArray("calls");
            page.forEach(call -> records.add((JsonObject) call));
            return records.size() >= CALLS && records.stream().allMatch(r -> r.getString("endedAt") != null && r.getJsonObject("flow") != null
                    && r.getJsonObject("flow").getString("outcome") != null);
        });
        return records;
    }
}
