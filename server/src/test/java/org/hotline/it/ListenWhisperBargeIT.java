package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.it.Hearing.Heard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A supervisor joins an agent's call from their own baresip phone: listening they hear both and are
 * heard by nobody, whispering the agent hears them and the caller does not, barging both do. Each
 * phone plays its own tone and records what it hears; the recordings say who heard whom.
 */
class ListenWhisperBargeIT {

    private static final double CUSTOMER_TONE = 500;
    private static final double AGENT_TONE = 1100;
    private static final double SUPERVISOR_TONE = 1700;
    /** Asterisk's beep, which [hotline-spy-tell] whispers to the agent as a supervisor joins (monitoring.tellAgent, on by default). */
    private static final double NOTICE_TONE = 700;
    private static final Duration PHASE = Duration.ofSeconds(5);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("listen_it");

    @Test
    void aSupervisorsPhoneListensWhispersAndBargesAsEachPhoneHearsIt() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        ApiSession lead = hotline.server().userWithRole("lead", "supervisor", "001");
        try (Softphone agent = hotline.agentPhone("010", "agent-010-listen").autoAnswer().recordWhatItHears()
                     .microphone(Hearing.tone(dir.resolve("agent-tone.wav"), AGENT_TONE)).start();
             Softphone supervisor = hotline.agentPhone("001", "agent-001-listen").autoAnswer().recordWhatItHears()
                     .microphone(Hearing.tone(dir.resolve("supervisor-tone.wav"), SUPERVISOR_TONE)).start();
             Softphone customer = Softphone.named("customer-listen").account("caller", hotline.asterisk().callerPassword())
                     .recordWhatItHears().microphone(Hearing.tone(dir.resolve("customer-tone.wav"), CUSTOMER_TONE)).start()) {
            afterTheLastCall();
            hotline.readyWithPhone("010", agent);
            supervisor.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server().getJson("/api/agents/001").getBoolean("phoneRegistered"));
            customer.awaitRegistered(Duration.ofSeconds(10));

            // Not in a call yet: nothing to listen to.
            HttpResponse<String> early = lead.post("/api/agents/010/listen", "{\"mode\":\"listen\"}");
            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(early.body()).contains("agent 010 is not in a call");

            callsTheOrdersQueue(customer);
            agent.awaitCallEstablished(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    hotline.server().getJson("/api/agents/010").getString("state").equals("on-call"));

            // An agent may not listen to a colleague.
            ApiSession colleague = hotline.server().userWithRole("wang.fang", "agent", "011");
            assertThat(colleague.post("/api/agents/010/listen", "{\"mode\":\"listen\"}").statusCode()).isEqualTo(403);
            assertThat(lead.post("/api/agents/010/listen", "{\"mode\":\"spy\"}").statusCode()).isEqualTo(400);

            HttpResponse<String> joined = lead.post("/api/agents/010/listen", "{\"mode\":\"listen\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
            assertThat(new JsonObject(joined.body()).getString("phone")).isEqualTo("001");
            supervisor.awaitCallEstablished(Duration.ofSeconds(15));
            Instant supervisorJoined = Instant.now();
            Phase listen = Phase.after(Duration.ofSeconds(1), PHASE);

            HttpResponse<String> whisperd = lead.put("/api/agents/010/listen", "{\"mode\":\"whisper\"}");
            assertThat(whisperd.statusCode()).as(whisperd.body()).isEqualTo(200);
            Phase whisper = Phase.after(Duration.ofMillis(500), PHASE);

            HttpResponse<String> barged = lead.put("/api/agents/010/listen", "{\"mode\":\"barge\"}");
            assertThat(barged.statusCode()).as(barged.body()).isEqualTo(200);
            Phase barge = Phase.after(Duration.ofMillis(500), PHASE);

            assertThat(lead.delete("/api/agents/010/listen").statusCode()).isEqualTo(204);
            supervisor.awaitCallClosed(Duration.ofSeconds(10));
            assertThat(lead.delete("/api/agents/010/listen").statusCode()).as("nothing left to leave").isEqualTo(409);
            Thread.sleep(1000);
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));
            Thread.sleep(1000); // the recordings are closed with their calls

            Heard byCustomer = Heard.by(customer);
            Heard byAgent = Heard.by(agent);
            Heard bySupervisor = Heard.by(supervisor);

            // As the supervisor joins, the agent is told by a short tone; the caller hears nothing of it.
            Instant noticeFrom = supervisorJoined.minusSeconds(1);
            Instant noticeTo = supervisorJoined.plusSeconds(4);
            assertThat(byAgent.peak(NOTICE_TONE, noticeFrom, noticeTo)).as("the agent hears the notice tone").isGreaterThan(Hearing.HEARD);
            assertThat(byCustomer.peak(NOTICE_TONE, noticeFrom, noticeTo)).as("the caller does not").isLessThan(Hearing.UNHEARD);

            // Listening: the supervisor hears both; nobody hears the supervisor.
            bySupervisor.assertHeard(listen, CUSTOMER_TONE, AGENT_TONE);
            byAgent.assertHeard(listen, CUSTOMER_TONE);
            byAgent.assertNotHeard(listen, SUPERVISOR_TONE);
            byCustomer.assertHeard(listen, AGENT_TONE);
            byCustomer.assertNotHeard(listen, SUPERVISOR_TONE);
            // Whispering: the agent hears the supervisor, the customer does not.
            bySupervisor.assertHeard(whisper, CUSTOMER_TONE, AGENT_TONE);
            byAgent.assertHeard(whisper, CUSTOMER_TONE, SUPERVISOR_TONE);
            byCustomer.assertHeard(whisper, AGENT_TONE);
            byCustomer.assertNotHeard(whisper, SUPERVISOR_TONE);
            // Barging: both hear the supervisor.
            bySupervisor.assertHeard(barge, CUSTOMER_TONE, AGENT_TONE);
            byAgent.assertHeard(barge, CUSTOMER_TONE, SUPERVISOR_TONE);
            byCustomer.assertHeard(barge, AGENT_TONE, SUPERVISOR_TONE);
        }
    }

    @Test
    void aSupervisorListensBargesAndLeavesFromTheWallBoard() throws Exception {
        String password = ApiSession.newPassword();
        hotline.server().createUser("board.lead", "Board lead", "supervisor", "001", password);
        try (Softphone agent = hotline.agentPhone("010", "agent-010-board").autoAnswer().start();
             Softphone supervisor = hotline.agentPhone("001", "agent-001-board").autoAnswer().start();
             Softphone customer = Softphone.named("customer-board").account("caller", hotline.asterisk().callerPassword()).start();
             Browser board = Browser.open(hotline.server().baseUrl(), "listen")) {
            afterTheLastCall();
            hotline.readyWithPhone("010", agent);
            supervisor.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server().getJson("/api/agents/001").getBoolean("phoneRegistered"));
            customer.awaitRegistered(Duration.ofSeconds(10));
            board.logIn("board.lead", password, "wallboard.html");

            callsTheOrdersQueue(customer);
            agent.awaitCallEstablished(Duration.ofSeconds(15));

            String cell = "#agents tr[data-agent='010'] .listen ";
            board.visible(cell + "button[data-mode='listen']").click();
            supervisor.awaitCallEstablished(Duration.ofSeconds(15));
            board.awaitAttribute(cell + "button[data-mode='listen']", "aria-pressed", "true", Duration.ofSeconds(5));
            board.click(cell + "button[data-mode='barge']");
            board.awaitAttribute(cell + "button[data-mode='barge']", "aria-pressed", "true", Duration.ofSeconds(5));
            board.click(cell + "button[data-mode='leave']");
            supervisor.awaitCallClosed(Duration.ofSeconds(10));
            // the login page's question whether a session stands (401 before logging in) is no error of the board
            assertThat(board.consoleErrors()).filteredOn(error -> !error.contains("/api/session")).isEmpty();
            // Each step is in the audit log, with who took it and in which mode.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hotline.server().getJson("/api/audit?user=board.lead")
                    .encode()).contains("\"action\":\"agent.listened\",\"target\":\"agent 010 listen\"",
                            "\"action\":\"agent.listening-switched\",\"target\":\"agent 010 barge\"",
                            "\"action\":\"agent.listening-ended\",\"target\":\"/api/agents/010/listen\""));
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));
        }
    }

    /** The customer dials the hotline and, at the menu, presses 1 for orders (agent 010's queue). */
    private static void callsTheOrdersQueue(Softphone customer) throws Exception {
        Instant dialled = Instant.now();
        customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
        String call = ((NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n && n.getChannel() != null
                && n.getChannel().startsWith("PJSIP/caller-") && n.getDateReceived().toInstant().isAfter(dialled.minusMillis(5)),
                Duration.ofSeconds(10))).getUniqueId();
        hotline.ami().awaitOn(call, e -> e instanceof AgiExecStartEvent start && start.getCommand() != null
                && start.getCommand().contains("/menu"), Duration.ofSeconds(15));
        customer.press("1");
    }

    /** The agent's wrap-up after another test's call is over. */
    private static void afterTheLastCall() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !hotline.server().getJson("/api/agents/010").getString("state").equals("wrap-up"));
    }
}
