package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.HangupSide;
import org.hotline.report.Measure;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An hour whose counting failed is marked on disk and counted again once the store is back: the reports equal a recompute. */
class RecountTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private MongoStore store;
    private HourlyRollups rollups;
    private MongoCallJournal journal;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), BEIJING,
                Clock.fixed(NINE.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        journal = new MongoCallJournal(store.calls(), Clock.fixed(NINE, ZoneOffset.UTC));
        journal.keepLedger(new CallLedger(store.callLedger()));
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void marksSurviveARestartUntilTheirHourIsDone() throws Exception {
        Path file = dir.resolve("hotline.recount-hours");
        RecountMarks marks = RecountMarks.open(file);
        marks.mark(List.of(NINE.plusSeconds(125), NINE.plusSeconds(3700), NINE.plusSeconds(200)));

        RecountMarks reopened = RecountMarks.open(file);
        assertThat(reopened.marked()).containsExactlyInAnyOrder(NINE, NINE.plusSeconds(3600));
        reopened.done(NINE);
        assertThat(RecountMarks.open(file).marked()).containsExactly(NINE.plusSeconds(3600));
    }

    @Test
    void callsWhoseCountingFailedAreCountedOnceTheStoreIsBackAndTheReportEqualsARecompute() throws Exception {
        RecountMarks marks = RecountMarks.open(dir.resolve("hotline.recount-hours"));
        // the rollups' writes fail (the store went away between the record's write and its counting)
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:" + MongoStoreTest.freePort()
                + "/?serverSelectionTimeoutMS=200", store.database().getName());
                RollupFeed failing = new RollupFeed(new HourlyRollups(away, new CallLedger(away.callLedger()),
                        ReportRules.handbook(), BEIJING, Clock.fixed(NINE, ZoneOffset.UTC)), 1_000, marks::mark)) {
            journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, failing);
            answeredCall("r1", NINE.plusSeconds(60));
            answeredCall("r2", NINE.plusSeconds(600));
            answeredCall("r3", NINE.plusSeconds(3600 + 60));
            assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(failing.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(marks.marked()).containsExactlyInAnyOrder(NINE, NINE.plusSeconds(3600));
        assertThat(day().get(Measure.CALLS)).as("not counted yet").isZero();

        Recounter recounter = new Recounter(rollups, marks, () -> true);
        assertThat(recounter.runOnce()).isEqualTo(2);

        Tally afterOutage = day();
        assertThat(afterOutage.get(Measure.CALLS)).isEqualTo(3);
        assertThat(marks.marked()).isEmpty();
        rollups.recompute(NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(15)));
        assertThat(day()).isEqualTo(afterOutage);
    }

    @Test
    void nothingIsRecountedWhileTheStoreIsNotReady() throws Exception {
        RecountMarks marks = RecountMarks.open(dir.resolve("hotline.recount-hours"));
        marks.mark(List.of(NINE));

        assertThat(new Recounter(rollups, marks, () -> false).runOnce()).isZero();
        assertThat(marks.marked()).containsExactly(NINE);
    }

    private Tally day() {
        return rollups.sum(NINE, NINE.plus(Duration.ofHours(15)), Optional.empty(), Optional.empty(), Optional.empty())
                .getOrDefault("", Tally.ZERO);
    }

    private void answeredCall(String id, Instant arrival) {
        CallId call = new CallId(id);
        for (CallEvent event : List.of(
                new CallEvent.Arrived(arrival, "PJSIP/caller-1", id, CallerId.presented("13800138000", null), "10000"),
                new CallEvent.Answered(arrival.plusSeconds(1)),
                new CallEvent.AnswerMeasured(arrival.plusSeconds(1), new AnswerMeasure(Duration.ofSeconds(1), 1, true, false)),
                new CallEvent.Queued(arrival.plusSeconds(10), "orders"),
                new CallEvent.Ended(arrival.plusSeconds(40), 16, null, HangupSide.CALLER))) {
            journal.append(call, event);
        }
    }
}
