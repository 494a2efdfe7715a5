package org.hotline.http.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.hotline.call.CallEvent;
import org.hotline.http.ResourceFixture;
import org.hotline.report.ReportRules;
import org.hotline.reporting.BreachFinder;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.store.CallLedger;
import org.hotline.store.CallRecords;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoCallJournal;
import org.hotline.store.MongoStore;
import org.hotline.store.MongoWrapUpCodes;
import org.hotline.store.StoredReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wrap-up code an agent gave goes on the call's record through the journal, with who and when,
 * and the report counts each code per queue and per agent, in its JSON and its CSV export.
 */
class WrapUpCodeReportTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ResourceFixture http;
    private MongoStore store;
    private HourlyRollups rollups;
    private MongoCallJournal journal;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        store = http.store;
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), BEIJING, Clock.systemUTC());
        journal = new MongoCallJournal(store.calls(), Clock.systemUTC());
        http.serve(router -> new ReportsResource(http.vertx, rollups, new StoredReports(store.storedReports()),
                new BreachFinder(new CallRecords(store.calls()), ReportRules.handbook(), Clock.systemUTC()),
                BEIJING, Set.of("orders", "complaints"), Set.of(new AgentId("010"), new AgentId("011"))::contains)
                .withWrapUpCodes(new MongoWrapUpCodes(store.calls())).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        journal.close();
        http.close();
    }

    /** A finished call talked to {@code agent}, then coded by them through the journal (as the floor does). */
    private void codedCall(String id, String arrival, String queue, String agent, String... codes) {
        Instant at = Instant.parse(arrival);
        store.calls().insertOne(new Document("_id", id).append("arrivalAt", Date.from(at))
                .append("answeredAt", Date.from(at.plusSeconds(1)))
                .append("queue", new Document("name", queue).append("enqueuedAt", Date.from(at.plusSeconds(10))))
                .append("agent", new Document("id", agent).append("answeredAt", Date.from(at.plusSeconds(20))))
                .append("endedAt", Date.from(at.plusSeconds(150))));
        for (int i = 0; i < codes.length; i++) {
            journal.append(new CallId(id), new CallEvent.WrapUpCoded(at.plusSeconds(155 + i), agent, queue, codes[i]));
        }
    }

    @Test
    void theRecordKeepsTheLastCodeWithWhoChoseItAndWhenAndEveryChoiceInItsTimeline() {
        codedCall("c1", "2026-11-22T01:00:00Z", "orders", "010", "resolved", "order-changed");
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();

        Document record = store.calls().find(new Document("_id", "c1")).first();

        assertThat(record.get("wrapUpCode", Document.class)).isEqualTo(new Document("code", "order-changed")
                .append("queue", "orders").append("agent", "010").append("chosenAt", Date.from(Instant.parse("2026-11-22T01:02:36Z"))));
        assertThat(record.getList("events", Document.class).stream().filter(e -> e.getString("type").equals("wrap-up-coded"))
                .map(e -> e.getString("code")).toList()).containsExactly("resolved", "order-changed");
    }

    @Test
    void theReportCountsEachCodePerQueueAndPerAgentAndItsExportHasAColumnPerCode() throws Exception {
        codedCall("a", "2026-11-22T01:00:00Z", "orders", "010", "resolved");
        codedCall("b", "2026-11-22T02:00:00Z", "orders", "011", "resolved");
        codedCall("c", "2026-11-22T03:00:00Z", "complaints", "011", "escalated");
        codedCall("d", "2026-11-22T04:00:00Z", "complaints", "011");
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        rollups.recompute(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

        JsonObject day = http.get("/api/reports?period=day&date=2026-11-22").bodyAsJsonObject();
        assertThat(day.getJsonObject("wrapUpCodes").getMap()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(java.util.Map.of("escalated", 1, "resolved", 2)));
        JsonObject byAgent = http.get("/api/reports?period=day&date=2026-11-22&by=agent").bodyAsJsonObject();
        assertThat(byAgent.getJsonArray("rows").stream().map(row -> ((JsonObject) row).getString("agent") + " "
                + ((JsonObject) row).getJsonObject("wrapUpCodes").getMap()).toList())
                .containsExactly("010 {escalated=0, resolved=1}", "011 {escalated=1, resolved=1}");
        JsonObject complaints = http.get("/api/reports?period=day&date=2026-11-22&queue=complaints&by=agent").bodyAsJsonObject();
        assertThat(complaints.getJsonArray("rows").getJsonObject(0).getJsonObject("wrapUpCodes").getMap())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("escalated", 1));

        String csv = http.get("/api/reports?period=day&date=2026-11-22&by=queue&format=csv").bodyAsString();
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows.stream().map(row -> row.get("queue") + " " + row.get("Wrap-up code: escalated") + " "
                + row.get("Wrap-up code: resolved")).toList()).containsExactly("complaints 1 0", "orders 0 2");
        assertThat(http.get("/api/reports?period=day&date=2026-11-22&format=csv&lang=zh").bodyAsString().lines().findFirst()
                .orElseThrow()).contains("结束码：resolved");
    }
}
