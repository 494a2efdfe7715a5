package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback campaign that records with notice, against the real Asterisk between two real phones each
 * playing its own tone: the customer hears the notice once they answer, and Asterisk's file of the
 * attempt holds both tones; a supervisor plays it through the API, the agent may not; past the
 * retention it is gone and the attempt's record says so.
 */
class CampaignRecordingIT {

    private static final double CUSTOMER_TONE = 500;
    private static final double AGENT_TONE = 1100;
    /** Each tone is played at a quarter of full scale: heard means well above the line's noise. */
    private static final double HEARD = 0.03;

    /** Queues record nothing; recordings are kept until the next sweep (0 days). */
    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("campaign_recording_it",
            Map.of("HOTLINE_RECORDING_RETENTION_DAYS", "0"));

    @Test
    void aRecordedCampaignCallHoldsBothVoicesAndIsPlayedToSupervisorsOnly() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        ApiSession lead = hotline.server().userWithRole("camprec.lead", "supervisor", "001");
        ApiSession agentSession = hotline.server().userWithRole("camprec.li", "agent", "010");
        try (Softphone agent = hotline.agentPhone("010", "agent-010-camprec").autoAnswer()
                     .microphone(Hearing.tone(dir.resolve("camprec-agent-tone.wav"), AGENT_TONE)).start();
             Softphone customer = Softphone.named("customer-camprec").account("caller", hotline.asterisk().callerPassword())
                     .autoAnswer().microphone(Hearing.tone(dir.resolve("camprec-customer-tone.wav"), CUSTOMER_TONE)).start()) {
            hotline.readyWithPhone("010", agent);
            customer.awaitRegistered(Duration.ofSeconds(10));

            HttpResponse<String> created = hotline.server().post("/api/campaigns", new JsonObject()
                    .put("id", "recorded-it")
                    .put("name", "Recorded callbacks")
                    .put("kind", "callback")
                    .put("rules", new JsonObject()
                            .put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                            .put("pacing", "progressive")
                            .put("skill", "orders")
                            .put("maxLines", 1)
                            .put("recording", "announce"))
                    .put("contacts", new JsonArray().add(new JsonObject().put("number", "13800138000").put("name", "Zhang")))
                    .encode());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(hotline.server().getJson("/api/campaigns/recorded-it").getJsonObject("rules").getString("recording"))
                    .isEqualTo("announce");

            assertThat(hotline.server().post("/api/campaigns/recorded-it/start", "").statusCode()).isEqualTo(200);
            agent.awaitCallEstablished(Duration.ofSeconds(20));
            customer.awaitCallEstablished(Duration.ofSeconds(20));
            hotline.ami().await(e -> e instanceof AgiExecStartEvent start && start.getCommand() != null
                    && start.getCommand().contains("/recording-notice"), Duration.ofSeconds(15));
            Thread.sleep(8000); // the notice, then both talk
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));

            await().atMost(Duration.ofSeconds(15)).until(() ->
                    !hotline.server().getJson("/api/campaigns/recorded-it/attempts").getJsonArray("attempts").isEmpty());
            JsonObject attempt = hotline.server().getJson("/api/campaigns/recorded-it/attempts").getJsonArray("attempts")
                    .getJsonObject(0);
            assertThat(attempt.getString("outcome")).isEqualTo("reached");
            String contact = attempt.getString("contact");
            int number = attempt.getInteger("attempt");

            Path file = dir.resolve("asterisk/data/recordings/attempt-" + contact + "-" + number + ".wav");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.isRegularFile(file));
            Recording written = Recording.read(file);
            assertThat(written.duration()).as("%s", written).isGreaterThan(Duration.ofSeconds(3));
            for (double tone : new double[] {CUSTOMER_TONE, AGENT_TONE}) {
                assertThat(written.toneLevel(tone, Duration.ofMillis(500), written.duration().minusMillis(500)))
                        .as("%s Hz in the attempt's recording (%s)", tone, written).isGreaterThan(HEARD);
            }

            String uri = "/api/campaigns/recorded-it/attempts/" + contact + "/" + number + "/recording";
            HttpResponse<byte[]> played = lead.getBytes(uri);
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).isEqualTo(Files.readAllBytes(file));
            assertThat(agentSession.getBytes(uri).statusCode()).as("agents may not, as shipped").isEqualTo(403);

            HttpResponse<String> swept = hotline.server().admin().post("/api/recordings/sweep", "");
            assertThat(swept.statusCode()).as(swept.body()).isEqualTo(200);
            assertThat(file).doesNotExist();
            assertThat(lead.getBytes(uri).statusCode()).isEqualTo(404);
            assertThat(hotline.server().post("/api/campaigns/recorded-it/stop", "").statusCode()).isEqualTo(200);
        }
    }
}
