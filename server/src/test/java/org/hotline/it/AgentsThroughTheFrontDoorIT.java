package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An agent's phone (baresip) registers through the front door (a real Kamailio) in front of two real Asterisk
 * nodes driven by one server: customers' calls through the front door still arrive at its stamp on each node
 * (the nodes trust its customers' port alone); a caller's call on each node is rung to that agent through the front door,
 * answered and recorded with them (times against that node's own AMI events); then the node the phone
 * registered through is killed, and the other node rings the agent for the next call at once, since the
 * front door still holds the phone's binding; the phone's next registration goes to the live node.
 * Agent 010 (orders, menu key 1) comes from config/agents.yaml.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsThroughTheFrontDoorIT {

    /** The shortest registration Asterisk grants: the phone renews it within this. */
    private static final Duration REGISTRATION = Duration.ofSeconds(60);

    private static final int DOOR_PORT = FreePorts.udpAndTcp();
    private static final int AGENTS_PORT = FreePorts.udpAndTcp();

    private static AsteriskSandbox nodeA;
    private static AsteriskSandbox nodeB;
    private static TestServer server;
    private static TestAmi amiA;
    private static TestAmi amiB;
    private static FrontDoor door;
    private static Softphone agent;

    @BeforeAll
    static void start() throws Exception {
        // The nodes trust the front door's customers' port alone with arrival stamps; its agents' port is a phone's.
        Map<String, String> trusted = Map.of("HOTLINE_FRONTDOOR", FrontDoor.ADDRESS + ":" + DOOR_PORT);
        nodeA = AsteriskSandbox.startNode("door-a", trusted);
        nodeB = AsteriskSandbox.startNode("door-b", trusted);
        server = TestServer.start(nodeA, "agents_door_it_" + System.nanoTime(), Map.of(
                "HOTLINE_ASTERISK_NODES", AsteriskSandbox.nodesSetting(nodeA, nodeB),
                "HOTLINE_AGENTS_FRONTDOOR", FrontDoor.ADDRESS + ":" + AGENTS_PORT));
        await().atMost(Duration.ofSeconds(15)).until(() -> "up".equals(health().getJsonObject("ami-door-b").getString("status")));
        amiA = new TestAmi(nodeA);
        amiB = new TestAmi(nodeB);
        door = FrontDoor.startForAgents("agents", List.of(sip(nodeA), sip(nodeB)), DOOR_PORT, AGENTS_PORT);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> door.nodes().values().stream().filter(flags -> flags.startsWith("A")).count() == 2);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {agent, door, amiA, amiB, server}) {
            if (part != null) {
                part.close();
            }
        }
        for (AsteriskSandbox node : new AsteriskSandbox[] {nodeA, nodeB}) {
            if (node != null) {
                node.restart(); // one was killed: the next run finds both as it expects
                node.stop();
            }
        }
    }

    @Test
    @Order(1)
    void customersCallsThroughTheFrontDoorStillArriveAtItsStampOnEachNode() throws Exception {
        Instant began = Instant.now();
        try (SippCallers callers = SippCallers.call(door, 2, 1, Duration.ofSeconds(2))) {
            callers.awaitEnd(Duration.ofSeconds(60));
            assertThat(callers.answersReceived()).as("both callers answered").hasSize(2);
        }
        Map<String, Instant> stamps = door.stamps();
        assertThat(door.sentTo().values()).as("one call to each node").containsExactlyInAnyOrder(sip(nodeA), sip(nodeB));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<JsonObject> records = server.getJson("/api/calls?limit=50&from=" + began.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(60))
                    .getJsonArray("calls").stream().map(JsonObject.class::cast).toList();
            assertThat(records).extracting(r -> r.getString("node")).containsExactlyInAnyOrder("door-a", "door-b");
            // The nodes trust the customers' port with the stamp: each record arrived at one of the front door's stamps.
            for (JsonObject record : records) {
                assertThat(stamps.values()).as("call %s's arrival", record.getString("id")).anyMatch(stamp ->
                        Duration.between(stamp, Instant.parse(record.getString("arrivalAt"))).abs().compareTo(Duration.ofMillis(1)) <= 0);
            }
        });
    }

    @Test
    @Order(2)
    void anAgentRegisteredThroughTheFrontDoorTakesACallOfEachNode() throws Exception {
        agent = AgentDesk.phone(nodeA, "010", "agent-010-door").registrar(FrontDoor.ADDRESS + ":" + DOOR_PORT)
                .registration(REGISTRATION).autoAnswer().start();
        ready();
        String through = door.registersThrough("agent-010");
        assertThat(through).as("the node the front door sent the REGISTER to").isIn(sip(nodeA), sip(nodeB));
        TestAmi registrar = through.equals(sip(nodeA)) ? amiA : amiB;
        assertThat(registrar.events()).as("the node that authenticated the phone reports it")
                .anyMatch(e -> e instanceof ContactStatusEvent s && "agent-010".equals(s.getAor()));

        for (TestAmi ami : List.of(amiA, amiB)) {
            String node = ami == amiA ? "door-a" : "door-b";
            int before = door.agentCalls().size();
            NewChannelEvent call = ami.callHotline("10000", "<1390013903" + (ami == amiA ? 1 : 2) + ">");
            ami.joinQueue(call, '1');
            agent.awaitCallEstablished(Duration.ofSeconds(15));
            Thread.sleep(1500);
            ami.hangUp(call);
            agent.awaitCallClosed(Duration.ofSeconds(10));
            AgentCalls.assertTakenBy(server, call, ami, "010", node);
            List<String> rung = door.agentCalls().subList(before, door.agentCalls().size());
            assertThat(rung).as("node %s rang agent-010 through the front door", node)
                    .anyMatch(line -> line.endsWith(" " + sip(ami == amiA ? nodeA : nodeB) + " agent-010"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(server.getJson("/api/agents/010").getString("state")));
            agent.forgetPastCalls(); // the phone has said all it says of this call by now
        }
    }

    @Test
    @Order(3)
    void whenTheNodeThePhoneRegisteredThroughDiesTheOtherRingsTheAgentAtOnce() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(server.getJson("/api/agents/010").getString("state")));
        agent = AgentDesk.phone(nodeA, "010", "agent-010-door-2").registrar(FrontDoor.ADDRESS + ":" + DOOR_PORT)
                .registration(REGISTRATION).autoAnswer().start();
        ready(); // each test's phones end with it
        boolean throughA = door.registersThrough("agent-010").equals(sip(nodeA));
        AsteriskSandbox lost = throughA ? nodeA : nodeB;
        AsteriskSandbox live = throughA ? nodeB : nodeA;
        TestAmi liveAmi = throughA ? amiB : amiA;
        String liveName = throughA ? "door-b" : "door-a";

        Instant killedFrom = Instant.now();
        lost.crash();
        await().atMost(Duration.ofSeconds(10)).until(() -> "down".equals(health().getJsonObject("ami-" + lost.node()).getString("status")));
        assertThat(server.getJson("/api/agents/010").getBoolean("phoneRegistered"))
                .as("the front door still holds the phone's binding").isTrue();

        // At once: no re-registration needed, the live node reaches the phone through the front door.
        Instant called = Instant.now();
        NewChannelEvent call = liveAmi.callHotline("10000", "<13900139033>");
        liveAmi.joinQueue(call, '1');
        agent.awaitCallEstablished(Duration.ofSeconds(15));
        Instant established = Instant.now();
        Thread.sleep(1500);
        liveAmi.hangUp(call);
        agent.awaitCallClosed(Duration.ofSeconds(10));
        JsonObject record = AgentCalls.assertTakenBy(server, call, liveAmi, "010", liveName);

        // The phone's next registration skips the dead node.
        Instant waitFrom = Instant.now();
        await().atMost(REGISTRATION.plusSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> sip(live).equals(door.registersThrough("agent-010")));
        Instant movedBy = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getJson("/api/agents/010").getBoolean("phoneRegistered"));
        System.out.printf("agents through the front door: node %s lost; a call on %s placed %d ms after the kill (its caller through "
                        + "greeting and menu) was answered by the agent's phone %d ms after it was placed, %d ms after the kill; the "
                        + "record: offer %s, agent answered %s; the phone registered through %s %d-%d ms after the kill%n",
                lost.node(), liveName, Duration.between(killedFrom, called).toMillis(), Duration.between(called, established).toMillis(),
                Duration.between(killedFrom, established).toMillis(), record.getJsonArray("offers").getJsonObject(0).encode(),
                record.getJsonObject("agent").getString("answeredAt"),
                liveName, Duration.between(killedFrom, waitFrom).toMillis(), Duration.between(killedFrom, movedBy).toMillis());
    }

    private static void ready() throws Exception {
        agent.awaitRegistered(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getJson("/api/agents/010").getBoolean("phoneRegistered"));
        assertThat(server.put("/api/agents/010/state", "{\"state\":\"ready\"}").statusCode()).as("agent 010 ready").isEqualTo(200);
    }

    private static String sip(AsteriskSandbox node) {
        return "127.0.0.1:" + node.sipPort();
    }

    private static JsonObject health() throws Exception {
        return new JsonObject(server.get("/api/health").body());
    }
}
