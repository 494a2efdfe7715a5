package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.hotline.report.ReportRules;
import org.hotline.routing.AgentId;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reports API: periods in the centre's time zone, narrowed and grouped, every bad parameter named. */
class ReportsResourceTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ResourceFixture http;
    private MongoStore store;
    private HourlyRollups rollups;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        store = http.store;
        rollups = new HourlyRollups(store.calls(), store.rollups(), store.callTallies(), ReportRules.handbook());
        http.serve(router -> new ReportsResource(http.vertx, rollups, BEIJING, Set.of("orders", "complaints"),
                Set.of(new AgentId("010"), new AgentId("011"))::contains).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    /** A finished call, straight into the records: answered at once, queued, talked to {@code agent}. */
    private void finishedCall(String id, String arrival, String queue, String agent) {
        Instant at = Instant.parse(arrival);
        store.calls().insertOne(new Document("_id", id).append("arrivalAt", Date.from(at))
                .append("answeredAt", Date.from(at.plusSeconds(1)))
                .append("answer", new Document("withinRule", true).append("apologyDue", false))
                .append("queue", new Document("name", queue).append("enqueuedAt", Date.from(at.plusSeconds(10))))
                .append("agent", new Document("id", agent).append("answeredAt", Date.from(at.plusSeconds(20))))
                .append("offers", List.of(new Document("agent", agent).append("ringStartedAt", Date.from(at.plusSeconds(17)))
                        .append("endedAt", Date.from(at.plusSeconds(140))).append("outcome", "answered")))
                .append("endedAt", Date.from(at.plusSeconds(150))));
    }

    private HttpResponse<Buffer> get(String uri) throws Exception {
        return http.get(uri);
    }

    @Test
    void aDayIsTheCentresDayFromLocalMidnight() throws Exception {
        finishedCall("before-midnight", "2026-11-21T15:59:00Z", "orders", "010"); // 23:59 on the 21st in Beijing
        finishedCall("after-midnight", "2026-11-21T16:00:00Z", "orders", "010"); // 00:00 on the 22nd
        finishedCall("evening", "2026-11-22T12:00:00Z", "complaints", "011");
        rollups.recompute(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

        JsonObject day = get("/api/reports?period=day&date=2026-11-22").bodyAsJsonObject();

        assertThat(day.getString("from")).isEqualTo("2026-11-21T16:00:00Z");
        assertThat(day.getJsonObject("figures").getLong("calls")).isEqualTo(2);
        assertThat(day.getJsonObject("figures").getJsonObject("threeRingAnswer").getDouble("value")).isEqualTo(1.0);
        assertThat(day.getJsonObject("figures").getValue("cases")).as("no case file yet: no data, not zero").isNull();
    }

    @Test
    void aReportCanBeNarrowedToAQueueOrAnAgentAndSplitByEither() throws Exception {
        finishedCall("a", "2026-11-22T01:00:00Z", "orders", "010");
        finishedCall("b", "2026-11-22T02:00:00Z", "orders", "011");
        finishedCall("c", "2026-11-22T03:00:00Z", "complaints", "011");
        rollups.recompute(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

        assertThat(get("/api/reports?period=day&date=2026-11-22&queue=orders").bodyAsJsonObject()
                .getJsonObject("figures").getLong("calls")).isEqualTo(2);
        assertThat(get("/api/reports?period=month&date=2026-11&agent=011").bodyAsJsonObject()
                .getJsonObject("figures").getLong("agentAnswered")).isEqualTo(2);
        JsonObject byQueue = get("/api/reports?period=week&date=2026-11-22&by=queue").bodyAsJsonObject();
        assertThat(byQueue.getJsonArray("rows").stream().map(row -> ((JsonObject) row).getString("queue")).toList())
                .containsExactly("complaints", "orders");
    }

    @Test
    void everyBadParameterIsNamed() throws Exception {
        assertThat(error("/api/reports?period=year&date=2026")).startsWith("period");
        assertThat(error("/api/reports?period=day&date=22.11.2026")).startsWith("date");
        assertThat(error("/api/reports?period=day")).startsWith("date");
        assertThat(error("/api/reports?from=2026-11-22T09:30:00%2B08:00&to=2026-11-22T12:00:00%2B08:00")).startsWith("to");
        assertThat(error("/api/reports?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z")).startsWith("to");
        assertThat(error("/api/reports?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")).startsWith("to");
        assertThat(error("/api/reports?from=yesterday&to=2026-11-22T00:00:00Z")).startsWith("from");
        assertThat(error("/api/reports?period=day&date=2026-11-22&queue=refunds")).startsWith("queue");
        assertThat(error("/api/reports?period=day&date=2026-11-22&agent=999")).startsWith("agent");
        assertThat(error("/api/reports?period=day&date=2026-11-22&by=colour")).startsWith("by");
        assertThat(error("/api/reports")).startsWith("from");
    }

    private String error(String uri) throws Exception {
        HttpResponse<Buffer> response = get(uri);
        assertThat(response.statusCode()).as(uri).isEqualTo(400);
        return response.bodyAsJsonObject().getString("error");
    }
}
