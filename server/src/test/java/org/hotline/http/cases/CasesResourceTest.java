package org.hotline.http.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.hotline.cases.CaseNotices;
import org.hotline.cases.Casework;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.cases.TeamLeads;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ResourceFixture;
import org.hotline.routing.Agent;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.store.CallFirstContacts;
import org.hotline.store.CallRecords;
import org.hotline.store.MongoCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class CasesResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Set<AgentId> ROSTER = Set.of(new AgentId("010"), new AgentId("011"), new AgentId("001"));
    private static final JsonObject DAMAGED_PARCEL = new JsonObject()
            .put("when", "11月20日下午").put("where", "西单门店").put("who", "快递员")
            .put("what", "包裹送到时已损坏，要求退款").put("contactPhone", "138 0013 8000").put("category", "delivery");

    private final TestClock clock = new TestClock(NOW);
    private ResourceFixture http;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        http.serve(resource(http, clock, ROSTER)::mount);
        http.store.calls().insertOne(new Document("_id", "1795309200.17")
                .append("caller", new Document("number", "13900139000"))
                .append("offers", List.of(new Document("agent", "010").append("outcome", "answered")))
                .append("agent", new Document("id", "010")));
    }

    /** The case file on the fixture's database, Beijing's deadlines, 001 the team lead. */
    public static CasesResource resource(ResourceFixture http, TestClock clock, Set<AgentId> roster) {
        PhoneNumbers numbers = new PhoneNumbers("CN");
        Casework casework = new Casework(new MongoCases(http.store.cases()),
                new CallFirstContacts(new CallRecords(http.store.calls()), numbers),
                ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai")),
                new EscalationRule(Severity.HIGH, new TeamLeads(List.of(
                        new Agent(new AgentId("001"), "张伟", Tier.TEAM_LEAD, Map.of(new Skill("orders"), 1))))),
                CaseNotices.none(), clock, new Random(5));
        return new CasesResource(http.vertx, casework, new MongoCases(http.store.cases()), numbers, roster::contains, clock);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
        return http.send(HttpMethod.POST, uri, body);
    }

    private JsonObject opened(JsonObject body) throws Exception {
        HttpResponse<Buffer> response = post("/api/cases", body);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private static String error(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("error");
    }

    @Test
    void aCaseOpenedFromACallBelongsToTheAgentWhoTookItAndCarriesItsFiveWsAndADeadline() throws Exception {
        JsonObject opened = opened(DAMAGED_PARCEL.copy().put("call", "1795309200.17"));

        assertThat(opened.getString("id")).matches("20261122-[0-9A-Z]{6}");
        assertThat(opened.getString("owner")).isEqualTo("010");
        assertThat(opened.getString("customer")).isEqualTo("+8613900139000");
        assertThat(opened.getString("contactPhone")).isEqualTo("+8613800138000");
        assertThat(opened.getString("where")).isEqualTo("西单门店");
        assertThat(opened.getString("status")).isEqualTo("open");
        assertThat(opened.getString("severity")).isEqualTo("normal");
        assertThat(opened.getString("deadline")).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(opened.getBoolean("overdue")).isFalse();
        assertThat(opened.getJsonArray("history").getJsonObject(0))
                .isEqualTo(new JsonObject().put("at", NOW.toString()).put("change", "opened").put("by", "010").put("detail", null));
        assertThat(http.get("/api/cases/" + opened.getString("id")).bodyAsJsonObject()).isEqualTo(opened);
    }

    @Test
    void aCaseGoesThroughItsStatusesAndAnIllegalOrStaleChangeIsAConflict() throws Exception {
        String id = opened(DAMAGED_PARCEL.copy().put("owner", "011")).getString("id");

        HttpResponse<Buffer> closing = post("/api/cases/" + id + "/status", new JsonObject().put("status", "closed"));
        assertThat(closing.statusCode()).isEqualTo(409);
        assertThat(error(closing)).contains("is open and cannot become closed");

        HttpResponse<Buffer> ready = post("/api/cases/" + id + "/status",
                new JsonObject().put("status", "solution-ready").put("from", "open").put("by", "011").put("note", "退款已批准"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("solution-ready");

        HttpResponse<Buffer> stale = post("/api/cases/" + id + "/status",
                new JsonObject().put("status", "replied").put("from", "open").put("by", "010"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(error(stale)).endsWith("is solution-ready now, not open (changed meanwhile)");

        clock.advance(Duration.ofHours(5));
        JsonObject replied = post("/api/cases/" + id + "/status", new JsonObject().put("status", "replied")).bodyAsJsonObject();
        assertThat(replied.getString("repliedAt")).isEqualTo("2026-11-22T07:00:00Z");
        assertThat(replied.getBoolean("repliedInTime")).isTrue();
        assertThat(replied.getJsonArray("history").stream().map(e -> ((JsonObject) e).getString("change")))
                .containsExactly("opened", "solution-ready", "replied");
    }

    @Test
    void aFollowUpIsLinkedToItsOriginalAndGoesToTheTeamLead() throws Exception {
        String original = opened(DAMAGED_PARCEL.copy().put("call", "1795309200.17")).getString("id");

        HttpResponse<Buffer> created = post("/api/cases/" + original + "/follow-ups",
                DAMAGED_PARCEL.copy().put("what", "退款后又要求换货").put("by", "011"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject followUp = created.bodyAsJsonObject();
        assertThat(followUp.getString("followUpOf")).isEqualTo(original);
        assertThat(followUp.getString("owner")).isEqualTo("010");
        assertThat(followUp.getJsonObject("escalation").getString("to")).isEqualTo("001");
        assertThat(followUp.getJsonObject("escalation").getString("reason")).isEqualTo("follow-up");
        assertThat(http.get("/api/cases/" + original).bodyAsJsonObject().getJsonArray("history").getJsonObject(1)
                .getString("detail")).isEqualTo(followUp.getString("id"));
        assertThat(post("/api/cases/20261122-ZZZZZZ/follow-ups", DAMAGED_PARCEL).statusCode()).isEqualTo(404);
        assertThat(error(post("/api/cases/" + original + "/follow-ups", DAMAGED_PARCEL.copy().put("owner", "011"))))
                .startsWith("\"owner\": unknown field");
    }

    @Test
    void casesAreListedByStatusOwnerAndCustomerAPageAtATime() throws Exception {
        for (int i = 0; i < 3; i++) {
            opened(DAMAGED_PARCEL.copy().put("owner", i == 1 ? "011" : "010"));
            clock.advance(Duration.ofMinutes(1));
        }

        JsonObject first = http.get("/api/cases?owner=010&limit=1").bodyAsJsonObject();
        JsonObject second = http.get("/api/cases?owner=010&limit=1&after=" + first.getString("next")).bodyAsJsonObject();
        assertThat(first.getInteger("count")).isEqualTo(1);
        assertThat(second.getJsonArray("cases").getJsonObject(0).getString("openedAt")).isEqualTo("2026-11-22T02:02:00Z");
        assertThat(second.getString("next")).isNull();
        assertThat(http.get("/api/cases?status=open&customer=%2B8613800138000").bodyAsJsonObject().getInteger("count"))
                .isEqualTo(3);
        assertThat(http.get("/api/cases?status=replied").bodyAsJsonObject().getJsonArray("cases")).isEqualTo(new JsonArray());
    }

    @Test
    void overdueAndDueSoonCasesAreListed() throws Exception {
        String early = opened(DAMAGED_PARCEL.copy().put("owner", "010")).getString("id");
        clock.advance(Duration.ofHours(12));
        String later = opened(DAMAGED_PARCEL.copy().put("owner", "011")).getString("id");
        clock.advance(Duration.ofDays(2).plusHours(13)); // the early one is an hour overdue, the later one due in 11 h

        JsonObject overdue = http.get("/api/cases/overdue").bodyAsJsonObject();
        JsonObject dueSoon = http.get("/api/cases/due-soon").bodyAsJsonObject();

        assertThat(overdue.getJsonArray("cases").stream().map(c -> ((JsonObject) c).getString("id"))).containsExactly(early);
        assertThat(overdue.getJsonArray("cases").getJsonObject(0).getBoolean("overdue")).isTrue();
        assertThat(dueSoon.getJsonArray("cases").stream().map(c -> ((JsonObject) c).getString("id"))).containsExactly(later);
        assertThat(dueSoon.getJsonArray("cases").getJsonObject(0).getBoolean("dueSoon")).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        assertThat(error(post("/api/cases", DAMAGED_PARCEL))).isEqualTo("owner: required for a case that does not come from a call");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("call", "1795309200.17").put("owner", "011"))))
                .startsWith("owner: the case belongs to agent 010");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("call", "404.1")))).isEqualTo("call: no call 404.1 on record");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("call", "1; drop")))).isEqualTo("call: not a call id");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "099")))).isEqualTo("owner: no agent \"099\"");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "010").put("contactPhone", "10086"))))
                .startsWith("contactPhone: not a phone number");
        assertThat(error(post("/api/cases", withoutWhat()))).startsWith("what: is required");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "010").put("severity", "critical"))))
                .isEqualTo("severity: low, normal, high or urgent");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "010").put("category", "Big Trouble"))))
                .startsWith("category:");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "010").put("what", 42))))
                .isEqualTo("what: expected text");
        assertThat(error(post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "010").put("$where", "1"))))
                .startsWith("\"$where\": unknown field");
        assertThat(error(http.sendBuffer(HttpMethod.POST, "/api/cases", Buffer.buffer("[1]")))).startsWith("body:");
        assertThat(error(http.get("/api/cases/..%2F..%2Fcalls"))).startsWith("id: not a case number");
        assertThat(error(http.get("/api/cases?status=lost"))).startsWith("status:");
        assertThat(error(http.get("/api/cases?owner=%7B%22%24ne%22%3A1%7D"))).isEqualTo("owner: no such agent");
        assertThat(error(http.get("/api/cases?customer=anyone"))).startsWith("customer:");
        assertThat(error(http.get("/api/cases?limit=501"))).startsWith("limit:");
        assertThat(error(http.get("/api/cases?after=nonsense"))).startsWith("after:");
        assertThat(http.get("/api/cases/20261122-ZZZZZZ").statusCode()).isEqualTo(404);
        assertThat(error(post("/api/cases/20261122-ZZZZZZ/status", new JsonObject()))).startsWith("status: is required");
        assertThat(post("/api/cases/20261122-ZZZZZZ/status", new JsonObject().put("status", "replied")).statusCode())
                .isEqualTo(404);
        assertThat(http.store.cases().countDocuments()).isZero();
    }

    private static JsonObject withoutWhat() {
        JsonObject body = DAMAGED_PARCEL.copy().put("owner", "010");
        body.remove("what");
        return body;
    }
}
