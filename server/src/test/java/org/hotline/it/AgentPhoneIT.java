package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An agent works from a real SIP softphone: registers with their own account and uses feature codes. */
class AgentPhoneIT {

    private static final String FEATURES = "@127.0.0.1:" + AsteriskSandbox.SIP_PORT;

    private static AsteriskSandbox asterisk;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        asterisk = AsteriskSandbox.start();
        server = TestServer.start(asterisk, "agent_phone_it_" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAgentsSoftphoneRegistersWithItsOwnAccountAndFeatureCodesChangeTheAgentsState() throws Exception {
        String password = Files.readString(asterisk.stateDir().resolve("secrets/agents/010.password")).strip();
        try (Softphone phone = Softphone.named("agent-010").account("agent-010", password).start()) {
            phone.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> agent().getBoolean("phoneRegistered"));

            assertThat(useFeature(phone, "*21").getString("state")).isEqualTo("ready");
            JsonObject paused = useFeature(phone, "*231");
            assertThat(paused.getString("state")).isEqualTo("paused");
            assertThat(paused.getString("pauseReason")).isEqualTo("break");
            assertThat(useFeature(phone, "*21").getString("state")).isEqualTo("ready");
            assertThat(useFeature(phone, "*22").getString("state")).isEqualTo("logged-out");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !agent().getBoolean("phoneRegistered"));
    }

    @Test
    void aPhoneWithoutTheAgentsPasswordCannotRegisterAsTheAgent() throws Exception {
        try (Softphone phone = Softphone.named("not-agent-011").account("agent-011", "0000000000000000").start()) {
            assertThat(phone.awaitRegistrationRejected(Duration.ofSeconds(10))).contains("401");
        }
        assertThat(server.getJson("/api/agents/011").getBoolean("phoneRegistered")).isFalse();
    }

    private static JsonObject agent() throws Exception {
        return server.getJson("/api/agents/010");
    }

    /** Dials a feature code, lets the confirmation play until the hotline hangs up, returns the agent's state. */
    private static JsonObject useFeature(Softphone phone, String code) throws Exception {
        String before = agent().getString("since");
        phone.dial("sip:" + code + FEATURES);
        phone.awaitCallClosed(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(5)).until(() -> !agent().getString("since").equals(before));
        return agent();
    }
}
