package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A VIP from the customer file jumps the line; the agent's desktop gets the screen pop the moment
 * the phone rings; a conversation running past the warning and the limit is flagged live and on
 * the record. (Talk-time limits shortened to 10 s and 12 s here so the test does not take 5 minutes.)
 */
class PriorityIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("priority_it",
            Map.of("HOTLINE_TALK_WARNING", "10", "HOTLINE_TALK_LIMIT", "12"));

    @Test
    void aVipJumpsTheLineTheAgentSeesWhoIsCallingAndALongConversationIsFlagged() throws Exception {
        assertThat(hotline.server().put("/api/customers/13700137000",
                "{\"name\":\"Ms Wang\",\"vip\":true,\"note\":\"prefers mornings\"}").statusCode()).isIn(200, 201);
        String password = Files.readString(hotline.asterisk().stateDir().resolve("secrets/agents/010.password")).strip();
        try (Softphone agent = Softphone.named("agent-010-priority").account("agent-010", password).autoAnswer().start()) {
            agent.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}");
            hotline.server().put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");

            NewChannelEvent ordinary = hotline.ami().callHotline("10000", "<13900139002>");
            hotline.ami().joinQueue(ordinary, '1');

            NewChannelEvent vip = hotline.ami().callHotline("10000", "<13700137000>");
            hotline.ami().joinQueue(vip, '1');

            hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}");
            agent.awaitCallEstablished(Duration.ofSeconds(15));

            JsonObject pop = await().atMost(Duration.ofSeconds(5)).until(
                    () -> hotline.server().get("/api/agents/010/screen-pop"), r -> r.statusCode() == 200)
                    .body().transform(JsonObject::new);
            assertThat(pop.getString("call")).isEqualTo(vip.getUniqueId());
            assertThat(pop.getBoolean("vip")).isTrue();
            assertThat(pop.getJsonObject("customer").getString("name")).isEqualTo("Ms Wang");
            assertThat(pop.getJsonObject("caller").getString("number")).isEqualTo("13700137000");

            // Keep talking past the warning (10 s) and the limit (12 s).
            await().atMost(Duration.ofSeconds(25)).until(() -> {
                JsonObject talk = hotline.server().getJson("/api/calls/" + vip.getUniqueId()).getJsonObject("talkTime");
                return talk != null && talk.containsKey("breachedAt");
            });
            hotline.ami().hangUp(vip);
            agent.awaitCallClosed(Duration.ofSeconds(10));

            JsonObject vipRecord = hotline.server().awaitFinishedRecord(vip.getUniqueId());
            assertThat(vipRecord.getJsonObject("priority").getBoolean("vip")).isTrue();
            assertThat(vipRecord.getJsonObject("agent").getString("id")).isEqualTo("010");
            Instant answered = Instant.parse(vipRecord.getJsonObject("agent").getString("answeredAt"));
            assertThat(Duration.between(answered, Instant.parse(vipRecord.getJsonObject("talkTime").getString("warnedAt"))))
                    .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(12));
            JsonObject ordinaryNow = hotline.server().getJson("/api/calls/" + ordinary.getUniqueId());
            JsonArray ordinaryOffers = ordinaryNow.getJsonArray("offers");
            assertThat(ordinaryOffers == null || ordinaryOffers.isEmpty()
                    || Instant.parse(ordinaryOffers.getJsonObject(0).getString("ringStartedAt")).isAfter(answered))
                    .as("the ordinary caller, though first in, was not offered before the VIP").isTrue();
            assertThat(ordinaryNow.getJsonObject("priority").getBoolean("vip")).isFalse();
            hotline.ami().hangUp(ordinary);
            hotline.server().awaitFinishedRecord(ordinary.getUniqueId());
        }
    }

}
