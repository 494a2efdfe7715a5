package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hotline.report.AgentSpan;
import org.hotline.report.Measure;
import org.hotline.report.ReportRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents' time waits in the spool while the store is away and is counted once, however often it is replayed. */
class AgentTimeRecorderTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");

    @TempDir
    Path dir;

    private MongoStore store;
    private HourlyRollups rollups;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), ZoneId.of("Asia/Shanghai"),
                Clock.fixed(NINE, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Test
    void aStretchSpooledWhileTheStoreWasAwayIsCountedOnceEvenWhenReplayedTwice() throws Exception {
        Path file = dir.resolve("agents.spool");
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:" + MongoStoreTest.freePort()
                + "/?serverSelectionTimeoutMS=200", store.database().getName());
                StoreSpool spool = new StoreSpool(SpoolFile.open(file), new WriteRetry(Duration.ofMillis(10), Duration.ofMillis(40)))) {
            AgentTimeRecorder recorder = new AgentTimeRecorder(new HourlyRollups(away, new CallLedger(away.callLedger()),
                    ReportRules.handbook(), ZoneId.of("Asia/Shanghai"), Clock.fixed(NINE, ZoneOffset.UTC)),
                    away.database().getCollection(AgentTimeRecorder.WRITTEN), spool);
            spool.start();
            recorder.accept(new AgentSpan("010", "on-call", null, NINE, NINE.plusSeconds(600)));
            recorder.accept(new AgentSpan("010", "paused", "break", NINE.plusSeconds(600), NINE.plusSeconds(900)));
            recorder.accept(new AgentSpan("010", "logged-out", null, NINE.plusSeconds(900), NINE.plusSeconds(1000)));
            assertThat(spool.awaitIdle(Duration.ofMillis(500))).isFalse();
        } // the server stops with the store still away: the stretches stay in the file
        List<String> left = Files.readAllLines(file);
        assertThat(left).hasSize(2); // logged-out time is not measured
        Files.write(file, List.of(left.get(0), left.get(1), left.get(0)));

        for (int start = 0; start < 2; start++) {
            try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), WriteRetry.standard())) {
                new AgentTimeRecorder(rollups, store.database().getCollection(AgentTimeRecorder.WRITTEN), spool);
                spool.start();
                assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
            }
            Files.write(file, List.of(left.get(0), left.get(1))); // as if killed before the spool was emptied
        }

        var hour = rollups.sum(NINE, NINE.plusSeconds(3600), Optional.empty(), Optional.of("010"), Optional.empty()).get("");
        assertThat(hour.get(Measure.ON_CALL_MS)).isEqualTo(600_000);
        assertThat(hour.get(Measure.PAUSED_BREAK_MS)).isEqualTo(300_000);
    }
}
