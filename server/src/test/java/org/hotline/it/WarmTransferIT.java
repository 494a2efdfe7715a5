package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.it.Hearing.Heard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warm transfer, conference and a blind transfer to a queue from the desktop's API, between real
 * baresip phones: each phone plays its own tone and records what it hears, so the recordings say
 * who heard whom at each step; the call's record shows each step at the time Asterisk's own events
 * (this test's unfiltered AMI session) give it.
 */
class WarmTransferIT {

    private static final double CUSTOMER_TONE = 500;
    private static final double FIRST_TONE = 1100;
    private static final double COLLEAGUE_TONE = 1700;
    private static final Duration PHASE = Duration.ofSeconds(4);
    /** The record's times are Asterisk's event times, written to the millisecond. */
    private static final Duration SAME_TIME = Duration.ofMillis(5);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("warm_transfer_it");

    @Test
    void aConsultedColleagueTakesTheCallerAndTheRecordShowsEachStep() throws Exception {
        ApiSession li = hotline.server().userWithRole("li.ming", "agent", "010");
        ApiSession wang = hotline.server().userWithRole("wang.fang", "agent", "011");
        try (Phones phones = Phones.start("consult")) {
            Instant dialled = Instant.now();
            NewChannelEvent call = phones.callerTalksToTheFirstAgent();
            Phase talking = Phase.after(Duration.ofSeconds(1), PHASE);

            // Only the agent passes their own caller on, to a colleague or queue that can take them.
            assertThat(wang.post("/api/agents/010/transfer", "{\"agent\":\"011\",\"mode\":\"consult\"}").statusCode()).isEqualTo(403);
            HttpResponse<String> queue = li.post("/api/agents/010/transfer", "{\"queue\":\"after-sales\",\"mode\":\"consult\"}");
            assertThat(queue.statusCode()).isEqualTo(400);
            assertThat(queue.body()).contains("a queue is not consulted");
            HttpResponse<String> busy = li.post("/api/agents/010/transfer", "{\"agent\":\"001\",\"mode\":\"consult\"}");
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
            assertThat(li.post("/api/agents/010/transfer/complete", "{}").statusCode()).as("no consultation yet").isEqualTo(409);

            HttpResponse<String> consult = li.post("/api/agents/010/transfer", "{\"agent\":\"011\",\"mode\":\"consult\"}");
            assertThat(consult.statusCode()).as(consult.body()).isEqualTo(202);
            phones.colleague.awaitCallEstablished(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(5)).until(() -> hotline.server().getJson("/api/agents/011").getBoolean("phoneBusy"));
            Phase consulting = Phase.after(Duration.ofSeconds(1), PHASE);

            HttpResponse<String> complete = li.post("/api/agents/010/transfer/complete", "{}");
            assertThat(complete.statusCode()).as(complete.body()).isEqualTo(202);
            phones.first.awaitCallClosed(Duration.ofSeconds(10));
            // The agent who transferred is done with the call (Asterisk's transfer event reaches the floor).
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("wrap-up", "ready")
                    .contains(hotline.server().getJson("/api/agents/010").getString("state")));
            assertThat(hotline.server().getJson("/api/agents/011").getBoolean("phoneBusy"))
                    .as("the colleague is offered no other call while they talk to the caller").isTrue();
            // Transferred: the caller and the colleague hear each other.
            phones.callerAndColleagueTalkUntilTheCallerHangsUp();

            Heard byCustomer = Heard.by(phones.customer);
            Heard byFirst = Heard.by(phones.first);
            Heard byColleague = Heard.by(phones.colleague);

            byCustomer.assertHeard(talking, FIRST_TONE);
            byFirst.assertHeard(talking, CUSTOMER_TONE);
            // Consulting: the agent and the colleague talk; the caller hears music on hold, neither of them.
            byFirst.assertHeard(consulting, COLLEAGUE_TONE);
            byColleague.assertHeard(consulting, FIRST_TONE);
            byColleague.assertNotHeard(consulting, CUSTOMER_TONE);
            byCustomer.assertNotHeard(consulting, FIRST_TONE);
            byCustomer.assertNotHeard(consulting, COLLEAGUE_TONE);
            assertThat(byCustomer.loudness(consulting)).as("the caller hears music on hold").isGreaterThan(Hearing.UNHEARD);

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            Map<String, JsonObject> steps = steps(record);
            assertThat(steps.keySet()).containsSubsequence("consult-started", "consult-answered", "transferred");
            DialBeginEvent rung = hotline.ami().first(DialBeginEvent.class, dial -> isConsultLeg(dial.getChannel())
                    && call.getUniqueId().equals(dial.getLinkedId())).orElseThrow();
            DialEndEvent answered = hotline.ami().first(DialEndEvent.class, dial -> rung.getChannel().equals(dial.getChannel())
                    && "ANSWER".equals(dial.getDialStatus())).orElseThrow();
            AttendedTransferEvent done = hotline.ami().first(AttendedTransferEvent.class,
                    transfer -> call.getUniqueId().equals(transfer.getOrigTransfererLinkedId())).orElseThrow();
            assertAt(steps.get("consult-started"), TestAmi.at(rung));
            assertAt(steps.get("consult-answered"), TestAmi.at(answered));
            assertAt(steps.get("transferred"), TestAmi.at(done));
            assertThat(steps.get("consult-started").getString("to")).isEqualTo("011");
            assertThat(steps.get("transferred").getString("from")).isEqualTo("010");
            assertThat(steps.get("transferred").getString("to")).isEqualTo("011");
            assertThat(record.getJsonObject("agent").getString("id")).as("who answered the caller").isEqualTo("010");
            // One call, however many legs: the consultation's leg is no call of its own.
            JsonArray calls = hotline.server().getJson("/api/calls?from=" + dialled.minusSeconds(1) + "&to="
                    + Instant.now().plusSeconds(1)).getJsonArray("calls");
            assertThat(calls.stream().map(c -> ((JsonObject) c).getString("id")).toList()).containsExactly(call.getUniqueId());
            await().atMost(Duration.ofSeconds(10)).until(() -> !hotline.server().getJson("/api/agents/011").getBoolean("phoneBusy"));
        }
    }

    @Test
    void aConsultationBecomesAConferenceInWhichAllThreeHearEachOther() throws Exception {
        ApiSession li = hotline.server().userWithRole("li.ming.conference", "agent", "010");
        try (Phones phones = Phones.start("conference")) {
            NewChannelEvent call = phones.callerTalksToTheFirstAgent();
            assertThat(li.post("/api/agents/010/transfer", "{\"agent\":\"011\",\"mode\":\"consult\"}").statusCode()).isEqualTo(202);
            phones.colleague.awaitCallEstablished(Duration.ofSeconds(20));
            Thread.sleep(1000);

            HttpResponse<String> conference = li.post("/api/agents/010/conference", "{}");
            assertThat(conference.statusCode()).as(conference.body()).isEqualTo(202);
            Phase together = Phase.after(Duration.ofSeconds(1), PHASE);

            // The agent leaves first; the caller and the colleague talk on until the caller hangs up.
            phones.first.hangUp();
            phones.first.awaitCallClosed(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("wrap-up", "ready")
                    .contains(hotline.server().getJson("/api/agents/010").getString("state")));
            phones.callerAndColleagueTalkUntilTheCallerHangsUp();
            Heard.by(phones.customer).assertHeard(together, FIRST_TONE, COLLEAGUE_TONE);
            Heard.by(phones.first).assertHeard(together, CUSTOMER_TONE, COLLEAGUE_TONE);
            Heard.by(phones.colleague).assertHeard(together, CUSTOMER_TONE, FIRST_TONE);

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            Map<String, JsonObject> steps = steps(record);
            assertThat(steps.keySet()).containsSubsequence("consult-started", "consult-answered", "conference", "left-conference");
            AttendedTransferEvent joined = hotline.ami().first(AttendedTransferEvent.class,
                    transfer -> call.getUniqueId().equals(transfer.getOrigTransfererLinkedId())).orElseThrow();
            assertThat(joined.getDestType()).isEqualToIgnoringCase("Threeway");
            assertAt(steps.get("conference"), TestAmi.at(joined));
            assertThat(steps.get("conference").getString("to")).isEqualTo("011");
            HangupEvent left = hotline.ami().first(HangupEvent.class, hangup -> call.getUniqueId().equals(hangup.getLinkedId())
                    && hangup.getChannel() != null && hangup.getChannel().startsWith("PJSIP/agent-010-")).orElseThrow();
            assertAt(steps.get("left-conference"), TestAmi.at(left));
            assertThat(steps.get("left-conference").getString("from")).isEqualTo("010");
        }
    }

    @Test
    void aCallerPassedBlindToAQueueIsOfferedToItsNextAgent() throws Exception {
        ApiSession li = hotline.server().userWithRole("li.ming.blind", "agent", "010");
        try (Phones phones = Phones.start("blind")) {
            NewChannelEvent call = phones.callerTalksToTheFirstAgent();
            HttpResponse<String> unknown = li.post("/api/agents/010/transfer", "{\"queue\":\"sales\",\"mode\":\"blind\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("there is no queue sales");

            HttpResponse<String> blind = li.post("/api/agents/010/transfer", "{\"queue\":\"after-sales\",\"mode\":\"blind\"}");
            assertThat(blind.statusCode()).as(blind.body()).isEqualTo(202);
            phones.first.awaitCallClosed(Duration.ofSeconds(10));
            // Agent 011 serves after-sales (agent 010 does not): the caller is offered to them.
            phones.colleague.awaitCallEstablished(Duration.ofSeconds(20));
            phones.callerAndColleagueTalkUntilTheCallerHangsUp();

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            BlindTransferEvent passed = hotline.ami().first(BlindTransferEvent.class,
                    transfer -> call.getUniqueId().equals(transfer.getTransfereeLinkedId())).orElseThrow();
            JsonObject step = steps(record).get("blind");
            assertAt(step, TestAmi.at(passed));
            assertThat(step.getString("from")).isEqualTo("010");
            assertThat(step.getString("to")).isEqualTo("q-after-sales");
            JsonArray transfers = record.getJsonArray("transfers");
            assertThat(transfers.getJsonObject(0).getString("to")).isEqualTo("after-sales");
            assertThat(record.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("agent")).toList())
                    .containsExactly("010", "011");
            assertThat(record.getJsonObject("queue").getString("name")).as("the queue the caller was passed to").isEqualTo("after-sales");
        }
    }

    @Test
    void anAgentConsultsAndCompletesWithThePhonesKeys() throws Exception {
        try (Phones phones = Phones.start("keys")) {
            NewChannelEvent call = phones.callerTalksToTheFirstAgent();
            phones.first.press("#2011#"); // attended transfer to 011
            phones.colleague.awaitCallEstablished(Duration.ofSeconds(20));
            Thread.sleep(1000);
            phones.first.press("*2"); // complete
            phones.first.awaitCallClosed(Duration.ofSeconds(10));
            phones.callerAndColleagueTalkUntilTheCallerHangsUp();

            Map<String, JsonObject> steps = steps(hotline.server().awaitFinishedRecord(call.getUniqueId()));
            assertThat(steps.keySet()).containsSubsequence("consult-started", "consult-answered", "transferred");
            assertThat(steps.get("transferred").getString("from")).isEqualTo("010");
            assertThat(steps.get("transferred").getString("to")).isEqualTo("011");
        }
    }

    @Test
    void anAgentConsultsAndCompletesTheTransferFromTheDesktop() throws Exception {
        String password = ApiSession.newPassword();
        hotline.server().createUser("desk.li", "Desk Li", "agent", "010", password);
        try (Phones phones = Phones.start("desk"); Browser desk = Browser.open(hotline.server().baseUrl(), "transfer")) {
            desk.logIn("desk.li", password, "desktop.html");
            NewChannelEvent call = phones.callerTalksToTheFirstAgent();
            desk.type("#transfer-target", "011"); // the transfer bar is shown while the agent is in a call
            desk.click("#transfer button[data-step='consult']");
            phones.colleague.awaitCallEstablished(Duration.ofSeconds(20));
            desk.awaitText("#transfer-message", text -> text.contains("011"), Duration.ofSeconds(5));
            desk.screenshot("consulting");
            desk.click("#transfer button[data-step='complete']");
            phones.first.awaitCallClosed(Duration.ofSeconds(10));
            phones.callerAndColleagueTalkUntilTheCallerHangsUp();

            assertThat(steps(hotline.server().awaitFinishedRecord(call.getUniqueId())).keySet())
                    .containsSubsequence("consult-started", "consult-answered", "transferred");
            assertThat(desk.consoleErrors()).filteredOn(error -> error.contains("transfer") || error.contains("conference")).isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hotline.server().getJson("/api/audit?user=desk.li")
                    .encode()).contains("\"action\":\"call.transferred\",\"target\":\"agent 010 consult to agent 011\"",
                            "\"action\":\"call.transfer-completed\",\"target\":\"agent 010 transfer completed\""));
        }
    }

    private static Map<String, JsonObject> steps(JsonObject record) {
        JsonArray steps = record.getJsonArray("transferSteps");
        assertThat(steps).as("the record's transfer steps: %s", record.encode()).isNotNull();
        return steps.stream().map(JsonObject.class::cast).collect(Collectors.toMap(step -> step.getString("step"),
                step -> step, (first, later) -> first, java.util.LinkedHashMap::new));
    }

    private static void assertAt(JsonObject step, Instant asterisk) {
        Instant recorded = Instant.parse(step.getString("at"));
        assertThat(Duration.between(asterisk, recorded).abs()).as("%s at %s, Asterisk's event at %s", step.getString("step"),
                recorded, asterisk).isLessThanOrEqualTo(SAME_TIME);
    }

    private static boolean isConsultLeg(String channel) {
        return channel != null && channel.startsWith("Local/011@hotline-transfer-") && channel.endsWith(";2");
    }

    /** The customer's, the first agent's (010, orders) and the colleague's (011, after-sales) phones, each with its tone. */
    private record Phones(Softphone customer, Softphone first, Softphone colleague) implements AutoCloseable {

        static Phones start(String name) throws Exception {
            Path dir = hotline.asterisk().stateDir();
            afterTheLastCall("010");
            afterTheLastCall("011");
            Softphone first = hotline.agentPhone("010", "agent-010-" + name).autoAnswer().recordWhatItHears()
                    .microphone(Hearing.tone(dir.resolve("first-tone.wav"), FIRST_TONE)).start();
            Softphone colleague = hotline.agentPhone("011", "agent-011-" + name).autoAnswer().recordWhatItHears()
                    .microphone(Hearing.tone(dir.resolve("colleague-tone.wav"), COLLEAGUE_TONE)).start();
            Softphone customer = Softphone.named("customer-" + name).account("caller", hotline.asterisk().callerPassword())
                    .recordWhatItHears().microphone(Hearing.tone(dir.resolve("customer-tone.wav"), CUSTOMER_TONE)).start();
            Phones phones = new Phones(customer, first, colleague);
            try {
                hotline.readyWithPhone("010", first);
                hotline.readyWithPhone("011", colleague);
                customer.awaitRegistered(Duration.ofSeconds(10));
            } catch (Exception | AssertionError e) {
                phones.close();
                throw e;
            }
            return phones;
        }

        /** The customer calls, presses 1 for orders, and agent 010 answers. */
        NewChannelEvent callerTalksToTheFirstAgent() throws Exception {
            NewChannelEvent call = hotline.ami().callFrom(customer);
            customer.press("1");
            first.awaitCallEstablished(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    hotline.server().getJson("/api/agents/010").getString("state").equals("on-call"));
            return call;
        }

        /** The caller and the colleague talk a while, each hearing the other, until the caller hangs up. */
        void callerAndColleagueTalkUntilTheCallerHangsUp() throws Exception {
            Phase talking = Phase.after(Duration.ofSeconds(1), PHASE);
            customer.hangUp();
            colleague.awaitCallClosed(Duration.ofSeconds(10));
            Thread.sleep(1000); // the recordings are closed with their calls
            Heard.by(customer).assertHeard(talking, COLLEAGUE_TONE);
            Heard.by(colleague).assertHeard(talking, CUSTOMER_TONE);
        }

        @Override
        public void close() {
            for (Softphone phone : List.of(customer, first, colleague)) {
                phone.close();
            }
        }
    }

    /** The agent's wrap-up after another test's call is over, and their phone free. */
    private static void afterTheLastCall(String agent) {
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            JsonObject status = hotline.server().getJson("/api/agents/" + agent);
            return !status.getString("state").equals("wrap-up") && !status.getString("state").equals("on-call")
                    && !status.getBoolean("phoneBusy");
        });
    }
}
