package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One server drives two real Asterisk nodes, "a" and "b", each started by bin/asterisk with its own state,
 * ports and systemname: each node's calls are answered, greeted and recorded once with their node; an agent
 * registered with each node takes a call of that node; then node b is killed with a call on it, which is
 * recorded as lost with node b when its link dropped, while node a's conversation carries on.
 * Agents come from config/agents.yaml: 010 (orders, key 1) registers with node a, 011 (after-sales, key 2) with b.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static AsteriskSandbox nodeA;
    private static AsteriskSandbox nodeB;
    private static TestServer server;
    private static TestAmi amiA;
    private static TestAmi amiB;
    private static Softphone agentOnA;
    private static Softphone agentOnB;

    @BeforeAll
    static void start() throws Exception {
        nodeA = AsteriskSandbox.startNode("a");
        nodeB = AsteriskSandbox.startNode("b");
        server = TestServer.start(nodeA, "two_nodes_it_" + System.nanoTime(), Map.of("HOTLINE_ASTERISK_NODES",
                AsteriskSandbox.nodesSetting(nodeA, nodeB)));
        await().atMost(Duration.ofSeconds(15)).until(() -> health().getJsonObject("ami-b").getString("status").equals("up"));
        amiA = new TestAmi(nodeA);
        amiB = new TestAmi(nodeB);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {agentOnA, agentOnB, amiA, amiB, server}) {
            if (part != null) {
                part.close();
            }
        }
        if (nodeB != null) {
            nodeB.restart(); // killed by the last test: the next run finds it as it expects
            nodeB.stop();
        }
    }

    @Test
    @Order(1)
    void eachNodesCallsAreAnsweredGreetedAndRecordedOnceWithTheirNode() throws Exception {
        NewChannelEvent onA = amiA.callHotline("10000", "<13900139021>");
        NewChannelEvent onB = amiB.callHotline("10000", "<13900139022>");
        // Asterisk's systemname prefixes every id it makes, so two nodes never make the same call id.
        assertThat(onA.getUniqueId()).startsWith("a-");
        assertThat(onB.getUniqueId()).startsWith("b-");
        assertThat(onB.getLinkedid()).startsWith("b-");

        amiA.awaitCommand(onA, "/menu", Duration.ofSeconds(15));
        amiB.awaitCommand(onB, "/menu", Duration.ofSeconds(15));
        amiA.hangUp(onA);
        amiB.hangUp(onB);

        for (var call : Map.of(onA, amiA, onB, amiB).entrySet()) {
            String id = call.getKey().getUniqueId();
            TestAmi ami = call.getValue();
            JsonObject record = server.awaitFinishedRecord(id);
            assertThat(record.getString("node")).isEqualTo(id.substring(0, 1));
            assertThat(record.getString("linkedId")).isEqualTo(call.getKey().getLinkedid());
            assertThat(record.getJsonObject("greeting").getString("startedAt")).isNotNull();
            assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("caller");
            NewStateEvent up = (NewStateEvent) ami.awaitOn(id, e -> e instanceof NewStateEvent s && Integer.valueOf(6).equals(s.getChannelState()),
                    Duration.ofSeconds(5));
            HangupEvent hangup = (HangupEvent) ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(5));
            assertWithin20ms(record.getString("arrivalAt"), TestAmi.at(call.getKey()));
            assertWithin20ms(record.getString("answeredAt"), TestAmi.at(up));
            assertWithin20ms(record.getString("endedAt"), TestAmi.at(hangup));
            assertThat(ServerRecords.eventsOfType(record, "ended")).as("ended once").isEqualTo(1);
            assertThat(ServerRecords.eventsOfType(record, "arrived")).as("arrived once").isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void anAgentRegisteredWithEachNodeTakesACallOfTheirNode() throws Exception {
        agentOnA = AgentDesk.phone(nodeA, "010", "agent-010-node-a").registrar("127.0.0.1:" + nodeA.sipPort()).autoAnswer().start();
        agentOnB = AgentDesk.phone(nodeA, "011", "agent-011-node-b").registrar("127.0.0.1:" + nodeB.sipPort()).autoAnswer().start();
        ready("010", agentOnA);
        ready("011", agentOnB);

        NewChannelEvent onA = amiA.callHotline("10000", "<13900139023>");
        NewChannelEvent onB = amiB.callHotline("10000", "<13900139024>");
        amiA.joinQueue(onA, '1');
        amiB.joinQueue(onB, '2');
        agentOnA.awaitCallEstablished(Duration.ofSeconds(15));
        agentOnB.awaitCallEstablished(Duration.ofSeconds(15));
        Thread.sleep(2000);
        amiA.hangUp(onA);
        amiB.hangUp(onB);
        agentOnA.awaitCallClosed(Duration.ofSeconds(10));
        agentOnB.awaitCallClosed(Duration.ofSeconds(10));

        JsonObject record = assertTakenByTheirAgent(onA, amiA, "010", "a");
        assertTakenByTheirAgent(onB, amiB, "011", "b");

        // The channel event logs the server reads (each node's) carry the prefixed ids, and agree with the records.
        java.time.LocalDate day = Instant.parse(record.getString("arrivalAt")).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        JsonObject audit = server.getJson("/api/reports/audit?day=" + day);
        assertThat(audit.getInteger("skippedLines")).as("CEL lines not read").isZero();
        assertThat(audit.getInteger("celCalls")).as("both nodes' calls in their logs").isGreaterThanOrEqualTo(2);
        for (NewChannelEvent call : java.util.List.of(onA, onB)) {
            assertThat(audit.getJsonArray("calls").stream().map(JsonObject.class::cast)
                    .filter(difference -> difference.getString("call").equals(call.getUniqueId())))
                    .as("what its node's log and the record say of call %s", call.getUniqueId())
                    .noneMatch(d -> java.util.List.of("record", "arrivalAt", "answeredAt", "agent.answeredAt").contains(d.getString("what")));
        }
    }

    @Test
    @Order(3)
    void aKilledNodesCallIsRecordedAsLostWithItWhenItsLinkDroppedAndTheOtherNodeCarriesOn() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> server.getJson("/api/agents/010").getString("state").equals("ready"));
        agentOnA = AgentDesk.phone(nodeA, "010", "agent-010-node-a-2").registrar("127.0.0.1:" + nodeA.sipPort()).autoAnswer().start();
        ready("010", agentOnA); // each test's phones end with it
        NewChannelEvent talking = amiA.callHotline("10000", "<13900139025>");
        amiA.joinQueue(talking, '1');
        agentOnA.awaitCallEstablished(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(2)).until(() -> server.getJson("/api/agents/010").getString("state").equals("on-call"));
        NewChannelEvent onB = amiB.callHotline("10000", "<13900139026>");
        amiB.awaitCommand(onB, "/menu", Duration.ofSeconds(15));

        Instant killedFrom = Instant.now();
        nodeB.crash();
        Instant killedBy = Instant.now();

        JsonObject lost = server.awaitFinishedRecord(onB.getUniqueId());
        assertThat(lost.getString("node")).isEqualTo("b");
        assertThat(lost.getJsonObject("hangup").getString("side")).isEqualTo("asterisk");
        assertThat(lost.getJsonObject("flow").getString("outcome")).isEqualTo("lost-with-asterisk");
        assertThat(lost.getJsonObject("settled").getString("how")).isEqualTo("lost-with-asterisk");
        assertThat(Instant.parse(lost.getString("endedAt"))).as("when the link dropped")
                .isBetween(killedFrom.minusMillis(5), killedBy.plusSeconds(1));

        JsonObject health = health();
        assertThat(health.getJsonObject("ami-b").getString("status")).isEqualTo("down");
        assertThat(health.getJsonObject("ami-a").getString("status")).isEqualTo("up");
        assertThat(health.getJsonObject("ami").getString("status")).isEqualTo("up");

        // Node a's conversation went on through node b's loss, and ends as its own.
        JsonObject stillTalking = server.getJson("/api/calls/" + talking.getUniqueId());
        assertThat(stillTalking.containsKey("endedAt")).isFalse();
        assertThat(server.getJson("/api/agents/010").getString("state")).isEqualTo("on-call");
        amiA.hangUp(talking);
        agentOnA.awaitCallClosed(Duration.ofSeconds(10));
        JsonObject record = assertTakenByTheirAgent(talking, amiA, "010", "a");
        assertThat(record.containsKey("settled")).isFalse();
    }

    private static JsonObject assertTakenByTheirAgent(NewChannelEvent call, TestAmi ami, String agent, String node) throws Exception {
        return AgentCalls.assertTakenBy(server, call, ami, agent, node);
    }

    private static void ready(String id, Softphone phone) throws Exception {
        phone.awaitRegistered(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> server.getJson("/api/agents/" + id).getBoolean("phoneRegistered"));
        assertThat(server.put("/api/agents/" + id + "/state", "{\"state\":\"ready\"}").statusCode()).as("agent %s ready", id).isEqualTo(200);
    }

    private static JsonObject health() throws Exception {
        return new JsonObject(server.get("/api/health").body());
    }

    private static void assertWithin20ms(String recorded, Instant asterisk) {
        AgentCalls.assertWithin20ms(recorded, asterisk);
    }
}
