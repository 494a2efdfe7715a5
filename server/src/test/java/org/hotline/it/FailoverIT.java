package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one store and one Asterisk: the active one is killed (SIGKILL) with callers
 * talking, waiting in a queue, in the greeting, and more arriving; the standby takes over when the
 * lease expires. By Asterisk's own events: no caller rings past three rings or hears that the
 * service is unavailable; the callers who waited go back into their queue at their place (the
 * agents take them in the order they first called, without the menu again); the conversations go
 * on and are recorded with their agent and true end; every call has exactly one closed record on
 * the new active server, and the agents are still logged in.
 */
class FailoverIT {

    private static final Duration SAME_MOMENT = Duration.ofMillis(20);
    /** The lease's time to live plus one take-over try and a start: the standby must be active by then. */
    private static final Duration TAKEOVER = Duration.ofSeconds(40);

    @Test
    void theStandbyTakesOverAndNoCallerLosesTheirPlaceOrTheirRecord() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "failover_it_" + System.nanoTime();
        Instant testStart = Instant.now().minusSeconds(1);
        List<NewChannelEvent> calls = new ArrayList<>();
        try (ServerPair servers = ServerPair.startFirst(asterisk, database, "failover");
             TestAmi ami = new TestAmi(asterisk).withPatientCallers(); // 14 callers for two agents with 10 s wrap-ups
             Softphone orders = AgentDesk.phone(asterisk, "010", "agent-010-fo").autoAnswer().start();
             Softphone lead = AgentDesk.phone(asterisk, "001", "agent-001-fo").autoAnswer().start();
             Softphone afterSales = AgentDesk.phone(asterisk, "011", "agent-011-fo").autoAnswer().start()) {
            ServerProcess a = servers.first;
            ServerProcess b = servers.startStandby();
            JsonObject standby = b.healthJson();
            assertThat(standby.getString("status")).as(standby.encode()).isEqualTo("standby");
            JsonObject activeLease = a.healthJson().getJsonObject("lease");
            assertThat(activeLease.getString("role")).isEqualTo("active");
            long tokenA = activeLease.getLong("token");
            // a supervisor's browser, logged in on the active server
            ApiSession supervisor = new ApiSession(a.httpPort()).login("admin", ApiSession.adminPasswordFor(database));
            AgentDesk.ready(a, "010", orders);
            AgentDesk.ready(a, "001", lead);
            AgentDesk.ready(a, "011", afterSales);

            // Every agent in a conversation: these talk through the failover.
            NewChannelEvent talkingToOrders = talk(ami, calls, "<13900139401>", '1');
            NewChannelEvent talkingToLead = talk(ami, calls, "<13900139402>", '1');
            NewChannelEvent talkEndsWhileDown = talk(ami, calls, "<13900139403>", '2');
            // The agents are busy: these wait, in the order they called.
            List<NewChannelEvent> waitingForOrders = new ArrayList<>();
            for (int n = 1; n <= 7; n++) {
                NewChannelEvent waiting = ami.callHotline("10000", "<1390013941" + n + ">");
                calls.add(waiting);
                ami.joinQueue(waiting, '1');
                waitingForOrders.add(waiting);
                Thread.sleep(700);
            }
            NewChannelEvent waitingForAfterSales = ami.callHotline("10000", "<13900139421>");
            calls.add(waitingForAfterSales);
            ami.joinQueue(waitingForAfterSales, '2');
            // Two at the menu, two in the greeting.
            List<NewChannelEvent> atMenu = twoCallersHearing(ami, calls, "1390013943", "menu");
            List<NewChannelEvent> inGreeting = twoCallersHearing(ami, calls, "1390013945", "greeting");
            Thread.sleep(300);

            a.kill();
            Instant killedAt = Instant.now();

            // While no server is active: new callers ring in, one waiting caller gives up on hold,
            // one agent ends their conversation.
            List<NewChannelEvent> arrivedWhileDown = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                NewChannelEvent call = ami.callHotline("10000", "<1390013944" + n + ">");
                calls.add(call);
                arrivedWhileDown.add(call);
                Thread.sleep(1500);
            }
            NewChannelEvent gaveUp = waitingForOrders.remove(2);
            ami.hangUp(gaveUp);
            afterSales.hangUp();

            Duration killToActive = servers.awaitTakeOver(killedAt, TAKEOVER);
            JsonObject takenOver = b.healthJson().getJsonObject("lease");
            assertThat(takenOver.getString("role")).isEqualTo("active");
            assertThat(takenOver.getLong("token")).as("a new fencing token").isGreaterThan(tokenA);
            // the supervisor's browser goes on on the new active server without a new login
            ApiSession sameBrowser = supervisor.at(b.httpPort());
            assertThat(sameBrowser.get("/api/agents/010").statusCode()).as("read with the session of the old server").isEqualTo(200);
            // the agents are as they were: talking, not logged out
            for (String agent : List.of("010", "001")) {
                assertThat(b.getJson("/api/agents/" + agent).getString("state")).as("agent %s", agent).isNotEqualTo("logged-out");
            }

            // Everyone held is taken back by the new active server: the callers who had chosen a
            // queue straight back into it, the others at the menu.
            List<NewChannelEvent> backInQueue = new ArrayList<>(waitingForOrders);
            backInQueue.add(waitingForAfterSales);
            List<NewChannelEvent> backAtMenu = new ArrayList<>(atMenu);
            backAtMenu.addAll(inGreeting);
            backAtMenu.addAll(arrivedWhileDown);
            for (NewChannelEvent held : concat(backInQueue, backAtMenu)) {
                ServerRecords.awaitTakenBack(b, held);
            }
            for (NewChannelEvent call : backAtMenu) {
                ami.joinQueueAgain(call, '1', killedAt); // the menu the new server plays, not one heard before the kill
            }
            // The agents end their conversations: the queue is served in the order the callers first called.
            List<NewChannelEvent> ordersQueue = new ArrayList<>(waitingForOrders);
            ordersQueue.addAll(backAtMenu);
            ordersQueue.sort(Comparator.comparing(TestAmi::at));
            Instant servingFrom = Instant.now();
            orders.hangUp();
            Thread.sleep(500);
            lead.hangUp();
            for (NewChannelEvent call : concat(List.of(waitingForAfterSales), ordersQueue)) {
                ami.awaitOn(call.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(90));
                Thread.sleep(1000);
                ami.hangUp(call);
            }
            for (NewChannelEvent call : calls) {
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
            }

            // What the callers lived, by Asterisk's events.
            for (NewChannelEvent call : calls) {
                ServerRecords.assertServedWithinThreeRings(ami, call);
            }
            List<String> offered = ServerRecords.offeredAfter(ami, servingFrom,
                    ordersQueue.stream().map(NewChannelEvent::getUniqueId).collect(Collectors.toSet()));
            assertThat(offered).as("the orders queue served in the order its callers first called")
                    .isEqualTo(ordersQueue.stream().map(NewChannelEvent::getUniqueId).toList());
            for (NewChannelEvent call : backInQueue) {
                Instant takenBack = Instant.parse(b.getJson("/api/calls/" + call.getUniqueId())
                        .getJsonObject("fallback").getString("takenBackAt"));
                assertThat(menuAfter(ami, call, takenBack)).as("call %s not asked the menu again", call.getUniqueId()).isEmpty();
            }

            // Exactly one complete record per call on the new active server, agreeing with Asterisk.
            Map<String, JsonObject> records = new TreeMap<>();
            for (NewChannelEvent call : calls) {
                records.put(call.getUniqueId(), ServerRecords.awaitComplete(b, call.getUniqueId()));
            }
            Files.writeString(Path.of("target", "failover-records.json"),
                    new JsonObject(new LinkedHashMap<>(records)).encodePrettily());
            for (NewChannelEvent call : calls) {
                JsonObject record = records.get(call.getUniqueId());
                ServerRecords.assertOneCompleteRecord(ami, call, record);
                assertThat(ServerRecords.eventsOfType(record, "flow-ended")).as("call %s one outcome: %s", call.getUniqueId(),
                        record.encode()).isEqualTo(1);
            }
            assertConversation(ami, records.get(talkingToOrders.getUniqueId()), talkingToOrders, "010");
            assertConversation(ami, records.get(talkingToLead.getUniqueId()), talkingToLead, "001");
            assertConversation(ami, records.get(talkEndsWhileDown.getUniqueId()), talkEndsWhileDown, "011");
            for (NewChannelEvent call : concat(ordersQueue, List.of(waitingForAfterSales))) {
                JsonObject record = records.get(call.getUniqueId());
                assertThat(record.getJsonObject("flow").getString("outcome")).as(record.encode()).isEqualTo("connected");
            }
            assertThat(sameBrowser.put("/api/agents/011/state", "{\"state\":\"logged-out\"}").statusCode())
                    .as("a change with the session and CSRF token of the old server").isEqualTo(200);
            Set<String> made = calls.stream().map(NewChannelEvent::getUniqueId).collect(Collectors.toCollection(TreeSet::new));
            assertThat(ServerRecords.recordIds(b, testStart)).as("one record per call, none besides").isEqualTo(made);
            long longestRing = 0;
            for (NewChannelEvent call : calls) {
                longestRing = Math.max(longestRing, FirstRings.ring(ami, call).toMillis());
            }
            System.out.printf("FailoverIT: %d calls, kill -> standby active %.1f s, longest ring %d ms%n", calls.size(),
                    killToActive.toMillis() / 1000.0, longestRing);
        }
    }

    /** A caller who chose a queue and is talking with its agent. */
    private static NewChannelEvent talk(TestAmi ami, List<NewChannelEvent> calls, String callerId, char queue) throws Exception {
        NewChannelEvent call = ami.callHotline("10000", callerId);
        calls.add(call);
        ami.joinQueue(call, queue);
        ami.awaitOn(call.getUniqueId(), BridgeEnterEvent.class::isInstance, Duration.ofSeconds(15));
        return call;
    }


    /** Two callers ({@code numbers}1, {@code numbers}2) who call now and are hearing {@code prompt}. */
    private static List<NewChannelEvent> twoCallersHearing(TestAmi ami, List<NewChannelEvent> calls, String numbers, String prompt)
            throws Exception {
        List<NewChannelEvent> callers = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            NewChannelEvent call = ami.callHotline("10000", "<" + numbers + n + ">");
            calls.add(call);
            callers.add(call);
        }
        for (NewChannelEvent call : callers) {
            ami.awaitCommand(call, prompt, Duration.ofSeconds(15));
        }
        return callers;
    }

    /** Menu prompts the caller heard from {@code from} on. */
    private static List<String> menuAfter(TestAmi ami, NewChannelEvent call, Instant from) {
        return ami.events().stream().filter(e -> e instanceof AgiExecStartEvent s && call.getUniqueId().equals(s.getUniqueId())
                        && s.getCommand() != null && s.getCommand().contains("/menu") && !TestAmi.at(e).isBefore(from))
                .map(e -> ((AgiExecStartEvent) e).getCommand()).toList();
    }

    private static void assertConversation(TestAmi ami, JsonObject record, NewChannelEvent call, String agent) {
        BridgeLeaveEvent talkEnd = ami.first(BridgeLeaveEvent.class, e -> call.getUniqueId().equals(e.getUniqueId())).orElseThrow();
        assertThat(record.getJsonObject("conversation").getString("agent")).as(record.encode()).isEqualTo(agent);
        assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(record.getJsonObject("conversation").getString("endedAt"))).abs())
                .as("the conversation's true end: %s", record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("connected");
    }

    private static List<NewChannelEvent> concat(List<NewChannelEvent> first, List<NewChannelEvent> second) {
        List<NewChannelEvent> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
