package org.hotline.http.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.floor.Floor;
import org.hotline.floor.TestFloor;
import org.hotline.http.ResourceFixture;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.hotline.store.MongoAgentSkills;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor moves an agent between queues from the console; the floor and the next start follow. */
class AgentSkillsResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final Skill COMPLAINTS = new Skill("complaints");
    private static final AgentId LI = new AgentId("010");

    private ResourceFixture http;
    private Floor floor;
    private MongoAgentSkills saved;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        floor = TestFloor.of(http.vertx.getOrCreateContext(), List.of(new Agent(LI, "李明", Tier.FRONT_LINE, Map.of(ORDERS, 3))),
                clock);
        saved = new MongoAgentSkills(http.store.settings());
        http.serve(router -> new AgentSkillsResource(http.vertx, floor, Set.of(ORDERS, COMPLAINTS, new Skill("after-sales")),
                saved, clock).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void anAgentMovedToComplaintsTakesAComplaintWaitingAtOnceAndKeepsTheSkillsAfterARestart() throws Exception {
        floor.phoneRegistered(LI, true);
        floor.ready(LI).await(10, TimeUnit.SECONDS);
        var complaint = floor.join(WaitingCall.ordinary(new CallId("c1"), COMPLAINTS, NOW));
        assertThat(complaint.awaitAgent(Duration.ofMillis(200))).as("nobody takes complaints yet").isEmpty();

        HttpResponse<Buffer> moved = put("010", new JsonObject().put("skills", new JsonObject().put("complaints", 4).put("orders", 2)));

        assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
        assertThat(moved.bodyAsJsonObject().getJsonObject("skills").getMap()).isEqualTo(Map.of("complaints", 4, "orders", 2));
        assertThat(complaint.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        assertThat(saved.load()).isEqualTo(Map.of(LI, Map.of(COMPLAINTS, 4, ORDERS, 2)));
    }

    @Test
    void unknownQueuesImpossibleLevelsAndEmptySkillsAreRefusedNamingTheFieldAndNothingChanges() throws Exception {
        assertRefused(put("010", skills(new JsonObject().put("refunds", 3))),
                "skills.\"refunds\": not a queue (after-sales, complaints, orders)");
        assertRefused(put("010", skills(new JsonObject().put("orders", 6))), "skills.orders: a level from 1 (can) to 5 (expert)");
        assertRefused(put("010", skills(new JsonObject().put("orders", "3"))), "skills.orders: a level from 1 (can) to 5 (expert)");
        assertRefused(put("010", skills(new JsonObject().put("orders", 2.5))), "skills.orders: a level from 1 (can) to 5 (expert)");
        assertRefused(put("010", skills(new JsonObject())),
                "skills: at least one queue with a level, like {\"skills\": {\"orders\": 3, \"agent\": 2}} (to keep an agent from calls, pause them)");
        assertRefused(put("010", skills(new JsonObject().put("orders", 3)).put("tier", "senior")),
                "\"tier\": unknown field (skills)");

        assertThat(floor.agent(LI).await(10, TimeUnit.SECONDS).agent().skills()).isEqualTo(Map.of(ORDERS, 3));
        assertThat(saved.load()).isEmpty();
    }

    @Test
    void anAgentWhoIsNotOnTheRosterIsNotFoundAndNothingIsSaved() throws Exception {
        assertThat(put("999", skills(new JsonObject().put("orders", 3))).statusCode()).isEqualTo(404);
        assertThat(put("not-an-id", skills(new JsonObject().put("orders", 3))).statusCode()).isEqualTo(404);
        assertThat(saved.load()).isEmpty();
    }

    private static JsonObject skills(JsonObject levels) {
        return new JsonObject().put("skills", levels);
    }

    private void assertRefused(HttpResponse<Buffer> response, String error) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
    }

    private HttpResponse<Buffer> put(String agent, JsonObject body) throws Exception {
        return http.send(HttpMethod.PUT, "/api/agents/" + agent + "/skills", body);
    }
}
