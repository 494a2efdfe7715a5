package org.hotline.http.reports;

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
import org.hotline.http.ResourceFixture;
import org.hotline.report.ReportRules;
import org.hotline.shared.AgentId;
import org.hotline.store.CallLedger;
import org.hotline.store.HourlyRollups;
import org.hotline.reporting.BreachFinder;
import org.hotline.store.StoredReports;
import org.hotline.reporting.ReportArchive;
import org.hotline.store.CallRecords;
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
    private StoredReports stored;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        store = http.store;
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(),
                java.time.ZoneId.of("Asia/Shanghai"), java.time.Clock.systemUTC());
        stored = new StoredReports(store.storedReports());
        http.serve(router -> new ReportsResource(http.vertx, rollups, stored,
                new BreachFinder(new CallRecords(store.calls()), ReportRules.handbook(), java.time.Clock.systemUTC()),
                BEIJING, Set.of("orders", "complaints"),
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
        assertThat(day.getJsonObject("figures").getValue("casesRepliedWithinDeadline")).as("no case file: no data, not zero")
                .isNull();
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
    void theDrillDownListsTheCallsThatBrokeARuleAPageAtATime() throws Exception {
        finishedCall("kept", "2026-11-22T01:00:00Z", "orders", "010");
        for (int i = 0; i < 3; i++) {
            lateCall("late-" + i, "2026-11-22T0" + (2 + i) + ":00:00Z");
        }

        JsonObject first = get("/api/reports/breaches?rule=three-rings&period=day&date=2026-11-22&limit=2").bodyAsJsonObject();
        assertThat(first.getJsonArray("calls").stream().map(c -> ((JsonObject) c).getString("call")).toList())
                .containsExactly("late-0", "late-1");
        assertThat(first.getJsonArray("calls").getJsonObject(0).getDouble("measuredSeconds")).isEqualTo(16.0);
        JsonObject second = get("/api/reports/breaches?rule=three-rings&period=day&date=2026-11-22&limit=2&after="
                + first.getString("next")).bodyAsJsonObject();
        assertThat(second.getJsonArray("calls").stream().map(c -> ((JsonObject) c).getString("call")).toList())
                .containsExactly("late-2");
        assertThat(second.getValue("next")).isNull();
    }

    @Test
    void reportsAndDrillDownsDownloadAsCsv() throws Exception {
        finishedCall("a", "2026-11-22T01:00:00Z", "orders", "010");
        lateCall("late", "2026-11-22T02:00:00Z");
        rollups.recompute(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

        var report = get("/api/reports?period=day&date=2026-11-22&by=queue&format=csv");
        assertThat(report.getHeader("content-type")).startsWith("text/csv");
        List<String> lines = report.bodyAsString().lines().toList();
        assertThat(lines.get(0)).as("each figure named as a supervisor reads it").startsWith("queue,Calls,")
                .contains("Agent answered within 3 rings (%),Agent answered within 3 rings: offers answered within 3 rings,");
        assertThat(lines).hasSize(3);
        assertThat(get("/api/reports?period=day&date=2026-11-22&format=csv&lang=zh").bodyAsString().lines().findFirst()
                .orElseThrow()).contains("坐席三声内接听 (%),坐席三声内接听：分子,坐席三声内接听：分母");
        var breaches = get("/api/reports/breaches?rule=three-rings&period=day&date=2026-11-22&format=csv");
        assertThat(breaches.bodyAsString().lines().toList()).hasSize(2).last().asString().startsWith("late,three-rings,16.0,");
    }

    /** A call the hotline picked up after 16 s (past three rings), with no menu choice. */
    private void lateCall(String id, String arrival) {
        Instant at = Instant.parse(arrival);
        store.calls().insertOne(new Document("_id", id).append("arrivalAt", Date.from(at))
                .append("answeredAt", Date.from(at.plusSeconds(16)))
                .append("answer", new Document("withinRule", false).append("apologyDue", true))
                .append("apologyPlayedAt", Date.from(at.plusSeconds(16)))
                .append("endedAt", Date.from(at.plusSeconds(40))));
    }

    @Test
    void theScheduledReportsAreListedAndReadBack() throws Exception {
        finishedCall("a", "2026-11-22T01:00:00Z", "orders", "010");
        rollups.recompute(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
        new ReportArchive(rollups, stored, BEIJING, java.time.Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"),
                java.time.ZoneOffset.UTC)).catchUp();

        JsonObject days = get("/api/reports/stored?kind=day").bodyAsJsonObject();
        assertThat(days.getJsonArray("reports").getJsonObject(0).getString("id")).isEqualTo("day-2026-11-22");
        JsonObject day = get("/api/reports/stored/day-2026-11-22").bodyAsJsonObject();
        assertThat(day.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("part")).toList())
                .containsExactly("total", "queue orders", "agent 010");
        assertThat(get("/api/reports/stored/day-2026-11-22?format=csv").bodyAsString().lines()).hasSize(4);
        assertThat(get("/api/reports/stored/day-2026-11-21").statusCode()).isEqualTo(404);
        assertThat(error("/api/reports/stored/..%2F..%2Fetc")).startsWith("id");
        assertThat(error("/api/reports/stored?kind=year")).startsWith("kind");
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
        assertThat(error("/api/reports?period=day&date=2026-11-22&format=xls")).startsWith("format");
        assertThat(error("/api/reports?period=day&date=2026-11-22&format=csv&lang=fr")).startsWith("lang");
        assertThat(error("/api/reports/breaches?rule=everything&period=day&date=2026-11-22")).startsWith("rule");
        assertThat(error("/api/reports/breaches?rule=apology&period=day&date=2026-11-22&limit=0")).startsWith("limit");
        assertThat(error("/api/reports/breaches?rule=apology&period=day&date=2026-11-22&after=%7B%7D")).startsWith("after");
    }

    private String error(String uri) throws Exception {
        HttpResponse<Buffer> response = get(uri);
        assertThat(response.statusCode()).as(uri).isEqualTo(400);
        return response.bodyAsJsonObject().getString("error");
    }
}
