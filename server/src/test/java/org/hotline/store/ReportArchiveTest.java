package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.report.Measure;
import org.hotline.report.ReportKind;
import org.hotline.report.ReportRules;
import org.hotline.report.ReportSnapshot;
import org.hotline.reporting.ReportArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The work log, weekly and monthly reports are made once their period is over, and kept. */
class ReportArchiveTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Tuesday 2 December 2026, 10:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    private MongoStore store;
    private HourlyRollups rollups;
    private StoredReports stored;
    private ReportArchive archive;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(),
                java.time.ZoneId.of("Asia/Shanghai"), java.time.Clock.systemUTC());
        stored = new StoredReports(store.database().getCollection(StoredReports.COLLECTION));
        archive = new ReportArchive(rollups, stored, BEIJING, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private void call(String id, String arrival, String queue) {
        Instant at = Instant.parse(arrival);
        store.calls().insertOne(new Document("_id", id).append("arrivalAt", Date.from(at))
                .append("answeredAt", Date.from(at.plusSeconds(1)))
                .append("answer", new Document("withinRule", true).append("apologyDue", false))
                .append("queue", new Document("name", queue).append("enqueuedAt", Date.from(at.plusSeconds(10))))
                .append("endedAt", Date.from(at.plusSeconds(60))));
    }

    @Test
    void finishedPeriodsWithCallsGetTheirReportOnceAndTodayDoesNot() {
        call("sunday", "2026-11-29T03:00:00Z", "orders"); // Sunday 29 Nov, 11:00 Beijing
        call("monday", "2026-11-30T03:00:00Z", "complaints"); // Monday 30 Nov (last day of November)
        call("today", "2026-12-02T01:00:00Z", "orders"); // today: its day is not over
        rollups.recompute(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z"));

        int made = archive.catchUp();

        assertThat(stored.list(ReportKind.DAY, 10)).extracting(ReportSnapshot::id)
                .containsExactly("day-2026-11-30", "day-2026-11-29");
        assertThat(stored.list(ReportKind.WEEK, 10)).extracting(ReportSnapshot::id)
                .as("the week of 23-29 Nov is over; the week of the 30th is not").containsExactly("week-2026-11-23");
        ReportSnapshot november = stored.find("month-2026-11").orElseThrow();
        assertThat(november.total().get(Measure.CALLS)).isEqualTo(2);
        assertThat(november.byQueue().keySet()).containsExactlyInAnyOrder("orders", "complaints");
        assertThat(made).isEqualTo(4);
        assertThat(archive.catchUp()).as("kept reports are not made again").isZero();
    }

    @Test
    void aPeriodWithoutCallsGetsNoReport() {
        assertThat(archive.catchUp()).isZero();
        assertThat(stored.list(ReportKind.DAY, 10)).isEmpty();
    }

    @Test
    void theLabelsNameThePeriod() {
        assertThat(ReportKind.WEEK.lastCompleted(java.time.LocalDate.parse("2026-12-02"), 2))
                .containsExactly(java.time.LocalDate.parse("2026-11-23"), java.time.LocalDate.parse("2026-11-16"));
        assertThat(ReportKind.MONTH.label(java.time.LocalDate.parse("2026-11-01"))).isEqualTo("month-2026-11");
        assertThat(List.of(ReportKind.values())).extracting(ReportKind::id).containsExactly("day", "week", "month");
    }
}
