package org.hotline.http.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.access.Role;
import org.hotline.access.Viewer;
import org.hotline.http.ResourceFixture;
import org.hotline.http.Viewers;
import org.hotline.routing.UnknownAgent;
import org.hotline.routing.WrapUpCode;
import org.hotline.routing.WrapUpCodeRefused;
import org.hotline.routing.WrapUpCodeRule;
import org.hotline.routing.WrapUpCodes;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent reads their last call's codes and codes it; nobody else codes it for them; each refusal says why. */
class WrapUpResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final AgentId LI = new AgentId("010");
    private static final CallId CALL = new CallId("1795300000.1");

    private final WrapUpCoding coding = new WrapUpCoding(new WrapUpCodes(Map.of(new Skill("orders"), List.of(
            new WrapUpCode("resolved", "已解决", "Resolved"), new WrapUpCode("follow-up", "需跟进", "Follow-up needed")))),
            WrapUpCodeRule.standard());
    private ResourceFixture http;
    private Viewer viewer = new Viewer("li", Role.AGENT, LI);

    @BeforeEach
    void start() throws Exception {
        coding.conversationEnded(LI, CALL, new Skill("orders"), NOW);
        http = new ResourceFixture().serve(router -> {
            router.route().handler(ctx -> {
                Viewers.put(ctx, viewer);
                ctx.next();
            });
            new WrapUpResource(agent -> agent.value().equals("099") ? Future.failedFuture(new UnknownAgent("099"))
                    : Future.succeededFuture(coding.codable(agent, NOW.plusSeconds(3))),
                    (agent, call, code) -> {
                        try {
                            return Future.succeededFuture(coding.choose(agent, call, code, NOW.plusSeconds(4)));
                        } catch (RuntimeException refused) {
                            return Future.failedFuture(refused);
                        }
                    }).mount(router);
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private int put(String agent, JsonObject body) throws Exception {
        return http.send(HttpMethod.PUT, "/api/agents/" + agent + "/wrap-up/code", body).statusCode();
    }

    @Test
    void theAgentSeesTheQueuesCodesInBothLanguagesAndCodesTheCall() throws Exception {
        JsonObject before = http.get("/api/agents/010/wrap-up").bodyAsJsonObject();
        assertThat(before.getString("call")).isEqualTo(CALL.value());
        assertThat(before.getString("queue")).isEqualTo("orders");
        assertThat(before.getBoolean("open")).isTrue();
        assertThat(before.getJsonArray("codes").getJsonObject(0).getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("id", "resolved", "zh", "已解决", "en", "Resolved"));
        assertThat(before.getValue("chosen")).isNull();

        JsonObject chosen = http.send(HttpMethod.PUT, "/api/agents/010/wrap-up/code",
                new JsonObject().put("call", CALL.value()).put("code", "follow-up")).bodyAsJsonObject();

        assertThat(chosen.getMap()).containsExactlyInAnyOrderEntriesOf(Map.of("call", CALL.value(), "queue", "orders",
                "code", "follow-up", "agent", "010", "chosenAt", NOW.plusSeconds(4).toString()));
        assertThat(http.get("/api/agents/010/wrap-up").bodyAsJsonObject().getJsonObject("chosen").getString("code"))
                .isEqualTo("follow-up");
    }

    @Test
    void onlyTheAgentCodesTheirOwnCall() throws Exception {
        viewer = new Viewer("zhao", Role.SUPERVISOR, new AgentId("012"));
        assertThat(put("010", new JsonObject().put("call", CALL.value()).put("code", "resolved"))).isEqualTo(403);
        assertThat(coding.codable(LI, NOW).orElseThrow().lastCall().chosen()).isNull();
    }

    @Test
    void eachRefusalSaysWhy() throws Exception {
        assertThat(put("010", new JsonObject().put("call", CALL.value()).put("code", "escalated"))).as("not its queue's")
                .isEqualTo(400);
        assertThat(put("010", new JsonObject().put("call", CALL.value()).put("code", "Bad Code"))).isEqualTo(400);
        assertThat(put("010", new JsonObject().put("call", "1795300000.9").put("code", "resolved"))).as("not their last call")
                .isEqualTo(409);
        assertThat(put("010", new JsonObject().put("code", "resolved"))).isEqualTo(400);
        assertThat(http.get("/api/agents/011/wrap-up").statusCode()).as("no call to code").isEqualTo(404);
        assertThat(http.get("/api/agents/099/wrap-up").statusCode()).isEqualTo(404);
        coding.wrapUpEnded(LI, CALL, NOW.minusSeconds(200));
        assertThat(put("010", new JsonObject().put("call", CALL.value()).put("code", "resolved"))).as("closed").isEqualTo(409);
    }
}
