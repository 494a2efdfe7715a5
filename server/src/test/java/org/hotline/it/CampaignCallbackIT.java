package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback campaign against the real Asterisk, agent first: the ready agent with the
 * campaign's skill sees the contact and the filled-in script, their phone rings and is answered,
 * and only then is the customer dialled; the attempt is recorded as reached by that agent, who
 * wraps up afterwards and may mark the customer difficult, so another agent calls later.
 */
class CampaignCallbackIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("campaign_callback_it");

    @Test
    void theAgentIsReservedShownTheScriptAndRungBeforeTheCustomerIsDialled() throws Exception {
        String password = Files.readString(hotline.asterisk().stateDir().resolve("secrets/agents/010.password")).strip();
        try (Softphone agent = Softphone.named("agent-010-campaign").account("agent-010", password).autoAnswer().start();
             Softphone customer = Softphone.named("customer-campaign").account("caller", hotline.asterisk().callerPassword())
                     .autoAnswer().start()) {
            agent.awaitRegistered(Duration.ofSeconds(10));
            customer.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}");

            HttpResponse<String> created = hotline.server().post("/api/campaigns", new JsonObject()
                    .put("id", "callback-it")
                    .put("name", "投诉回访")
                    .put("kind", "callback")
                    .put("rules", new JsonObject()
                            .put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                            .put("pacing", "progressive")
                            .put("skill", "orders")
                            .put("maxLines", 1))
                    .put("contacts", new JsonArray().add(new JsonObject()
                            .put("number", "13800138000")
                            .put("name", "张先生")
                            .put("subject", "快递延误")
                            .put("date", "2026-11-20")))
                    .encode());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            HttpResponse<String> started = hotline.server().post("/api/campaigns/callback-it/start", "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            agent.awaitCallEstablished(Duration.ofSeconds(20));
            Instant agentUp = Instant.now();
            customer.awaitIncomingCall(Duration.ofSeconds(20));
            customer.awaitCallEstablished(Duration.ofSeconds(20));
            Instant customerUp = Instant.now();
            assertThat(customerUp).as("agent first: the customer is dialled once the agent is on the line").isAfter(agentUp);

            // The agent's screen: the contact, and the script with their own ID and the customer's subject.
            JsonObject pop = hotline.server().getJson("/api/agents/010/screen-pop");
            assertThat(pop.getString("type")).isEqualTo("offered");
            assertThat(pop.getJsonObject("campaign").getString("id")).isEqualTo("callback-it");
            assertThat(pop.getJsonObject("caller").getString("name")).isEqualTo("张先生");
            assertThat(pop.getString("subject")).isEqualTo("快递延误");
            assertThat(pop.getString("originalDate")).isEqualTo("2026-11-20");
            assertThat(pop.getJsonObject("script").getString("zh"))
                    .contains("请问您是张先生吗", "我的工号是010", "2026年11月20日", "快递延误");
            assertThat(pop.getJsonObject("script").getString("en")).contains("my agent ID is 010");
            assertThat(hotline.server().getJson("/api/agents/010").getString("state")).isEqualTo("on-call");

            Thread.sleep(2000);
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !hotline.server().getJson("/api/campaigns/callback-it/attempts").getJsonArray("attempts").isEmpty());
            JsonArray attempts = hotline.server().getJson("/api/campaigns/callback-it/attempts").getJsonArray("attempts");
            assertThat(attempts).hasSize(1);
            JsonObject attempt = attempts.getJsonObject(0);
            assertThat(attempt.getString("outcome")).isEqualTo("reached");
            assertThat(attempt.getString("agent")).isEqualTo("010");
            assertThat(Instant.parse(attempt.getString("answeredAt"))).isAfter(Instant.parse(attempt.getString("startedAt")));
            assertThat(hotline.server().getJson("/api/agents/010").getString("state")).isEqualTo("wrap-up");

            // Within wrap-up the agent says the customer was difficult: another agent calls at another time.
            HttpResponse<String> difficult = hotline.server().post("/api/campaigns/callback-it/contacts/callback-it:0/outcome",
                    "{\"outcome\":\"difficult-customer\",\"agent\":\"010\"}");
            assertThat(difficult.statusCode()).as(difficult.body()).isEqualTo(200);
            assertThat(new JsonObject(difficult.body()).getString("avoidAgent")).isEqualTo("010");
            assertThat(new JsonObject(difficult.body()).getString("status")).isEqualTo("pending");
            assertThat(hotline.server().getJson("/api/campaigns/callback-it/attempts").getJsonArray("attempts")
                    .getJsonObject(0).getString("outcome")).isEqualTo("difficult-customer");
            assertThat(hotline.server().post("/api/campaigns/callback-it/stop", "").statusCode()).isEqualTo(200);
        }
    }
}
