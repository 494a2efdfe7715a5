package org.hotline.http.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.hotline.audit.AuditRules;
import org.hotline.audit.CallReconstruction;
import org.hotline.audit.CelAudit;
import org.hotline.audit.CelFile;
import org.hotline.audit.RecordDocuments;
import org.hotline.http.ResourceFixture;
import org.hotline.report.ReportRules;
import org.hotline.shared.AgentId;
import org.hotline.store.AuditRecords;
import org.hotline.store.CallLedger;
import org.hotline.store.DayAudit;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day's audit over HTTP: real CEL from Asterisk, records in the store, the report from the rollups. */
class ReportAuditResourceTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private ResourceFixture http;
    private MongoStore store;
    private HourlyRollups rollups;
    private Path celFile;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        store = http.store;
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), BEIJING,
                java.time.Clock.systemUTC());
        celFile = dir.resolve("Master.csv");
        try (InputStream real = getClass().getResourceAsStream("/audit/cel-real-2026-12-06.csv")) {
            Files.copy(real, celFile, StandardCopyOption.REPLACE_EXISTING);
        }
        DayAudit audit = new DayAudit(new CelAudit("hotline", AuditRules.of(ReportRules.handbook()), BEIJING), org.hotline.audit.CelFiles.of(celFile),
                new AuditRecords(store.calls()), rollups);
        http.serve(router -> new ReportsResource(http.vertx, rollups, null, null, BEIJING, Set.of("orders"),
                Set.of(new AgentId("010"))::contains).withAudit(audit::of).mount(router));
        // the day's records as the server would have kept them
        new CallReconstruction("hotline", Duration.ofSeconds(9))
                .calls(CelFile.read(celFile, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).events())
                .forEach(call -> store.calls().insertOne(RecordDocuments.of(call)));
        rollups.recompute(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void recordsThatTellWhatAsteriskLoggedHaveNoCallDifferencesAndTheFiguresAreListedWithBothValues() throws Exception {
        JsonObject audit = http.get("/api/reports/audit?day=2026-12-06").bodyAsJsonObject();

        assertThat(audit.getInteger("celCalls")).isEqualTo(5);
        assertThat(audit.getInteger("recordCalls")).isEqualTo(5);
        assertThat(audit.getJsonArray("calls")).isEmpty();
        assertThat(figure(audit, "calls")).isEqualTo(new JsonObject().put("name", "calls").put("cel", "5").put("report", "5")
                .put("agrees", true));
        assertThat(figure(audit, "agentAnswered").getBoolean("agrees")).isTrue();
        assertThat(audit.getLong("skippedLines")).isZero();
    }

    @Test
    void aDeletedRecordIsListedAndTheVerdictIsNotClean() throws Exception {
        store.calls().deleteOne(new org.bson.Document("_id", "1796529892.29"));

        JsonObject audit = http.get("/api/reports/audit?day=2026-12-06").bodyAsJsonObject();

        assertThat(audit.getBoolean("clean")).isFalse();
        assertThat(audit.getJsonArray("calls")).containsExactly(new JsonObject().put("call", "1796529892.29")
                .put("what", "record").put("cel", "arrived 2026-12-06T04:04:52.993743Z").put("record", "-"));
    }

    @Test
    void aDayThatIsNotADateIsRefusedNamingTheParameter() throws Exception {
        var response = http.get("/api/reports/audit?day=2026-13-45");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("day: expected a date like 2026-12-06");
        assertThat(http.get("/api/reports/audit?day=%7B%24ne%3A1%7D").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/reports/audit").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutACelFileTheAuditSaysSoInsteadOfCallingTheDayClean() throws Exception {
        Files.delete(celFile);
        var response = http.get("/api/reports/audit?day=2026-12-06");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("error")).startsWith("audit not made: no CEL file at ");
    }

    private static JsonObject figure(JsonObject audit, String name) {
        JsonArray figures = audit.getJsonArray("figures");
        return figures.stream().map(JsonObject.class::cast).filter(f -> f.getString("name").equals(name)).findFirst()
                .orElseThrow();
    }
}
