package org.hotline.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.hotline.report.ReportPeriod;
import org.hotline.report.ReportRules;
import org.hotline.store.CallLedger;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.store.RollupFeed;
import org.hotline.store.TestMongo;

/**
 * The reports at scale, against the store the tests use (the embedded store unless MONGO_URI
 * names a MongoDB), with generated records (see {@link CallRecordGenerator}):
 * <ol>
 *   <li>ingest: finished calls counted into the rollups, one by one and as the rollup feed batches them;</li>
 *   <li>recompute: a day of 35,000 calls rebuilt from the raw records;</li>
 *   <li>a month report over 1,000,000 calls (30 days × 33,334), from the rollups.</li>
 * </ol>
 * Usage (bin/bench runs it): ReportsBenchmark [calls per day, default 33334] [days, default 30]
 */
public final class ReportsBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws InterruptedException {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 33_334;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        YearMonth month = YearMonth.of(2026, 10);
        ReportPeriod monthPeriod = ReportPeriod.month(month, BEIJING);
        CallRecordGenerator generator = new CallRecordGenerator(42);
        try (MongoStore store = TestMongo.openStore()) {
            CallLedger ledger = new CallLedger(store.callLedger());
            HourlyRollups rollups = rollups(store, ledger);

            // 1. ingest: each finished call's record as the journal hands it on (its write reads it back)
            List<Document> sample = new ArrayList<>(generator.day(monthPeriod.from(), 20_000, "ingest-"));
            insert(store, sample);
            sample.sort(Comparator.comparing(call -> call.getDate("endedAt"))); // the order in which calls end
            long started = System.nanoTime();
            for (Document call : sample) {
                rollups.count(List.of(call));
            }
            report("ingest, one call at a time", sample.size(), started);
            rollups = clearRollups(store, ledger);
            try (RollupFeed feed = new RollupFeed(rollups, sample.size())) {
                started = System.nanoTime();
                sample.forEach(feed);
                feed.awaitIdle(Duration.ofMinutes(10));
                report("ingest, as the rollup feed batches what is waiting", sample.size(), started);
            }
            store.calls().drop();
            rollups = clearRollups(store, ledger);

            // 2. the whole month's raw records, then the month's rollups rebuilt day by day
            long generated = 0;
            List<Double> recomputeSeconds = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                Instant dayStart = monthPeriod.from().plus(Duration.ofDays(day));
                List<Document> records = generator.day(dayStart, perDay, "d" + day + "-");
                insert(store, records);
                // as the journal does when each call arrives
                records.forEach(call -> ledger.record(call.getString("_id"), call.getDate("arrivalAt").toInstant()));
                generated += perDay;
                long t0 = System.nanoTime();
                int counted = rollups.recompute(dayStart, dayStart.plus(Duration.ofDays(1)));
                recomputeSeconds.add((System.nanoTime() - t0) / 1e9);
                if (counted != perDay) {
                    throw new IllegalStateException("recompute counted " + counted + " of " + perDay);
                }
            }
            System.out.printf(Locale.ROOT, "recompute of one day (%d calls) from the raw records: median %.2f s, slowest %.2f s%n",
                    perDay, InboundBenchmark.median(recomputeSeconds.stream().sorted().toList()),
                    recomputeSeconds.stream().mapToDouble(Double::doubleValue).max().orElse(0));

            // 3. the month report from the rollups
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                long t0 = System.nanoTime();
                rollups.sum(monthPeriod.from(), monthPeriod.to(), Optional.empty(), Optional.empty(), Optional.empty());
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            List<Double> measured = millis.subList(5, millis.size()).stream().sorted().toList(); // 5 warm-up runs
            long rollupDocs = store.rollups().countDocuments();
            System.out.printf(Locale.ROOT, "month report over %d calls (%d rollup documents): p50 %.0f ms, p95 %.0f ms%n",
                    generated, rollupDocs, InboundBenchmark.median(measured), measured.get((int) Math.ceil(measured.size() * 0.95) - 1));
            store.database().drop();
        }
        System.exit(0);
    }

    private static void report(String what, int calls, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d finished calls counted in %.2f s = %.0f calls/s%n", what, calls, seconds,
                calls / seconds);
    }

    /** Empties the rollups; the rollups anew, as after a restart (what they remember of the directory is gone too). */
    private static HourlyRollups clearRollups(MongoStore store, CallLedger ledger) {
        store.rollups().drop();
        store.callTallies().drop();
        store.rollupCells().drop();
        return rollups(store, ledger);
    }

    /** The rollups of a server that was running before the generated calls came (as when it counts them live). */
    private static HourlyRollups rollups(MongoStore store, CallLedger ledger) {
        return new HourlyRollups(store, ledger, ReportRules.handbook(), BEIJING,
                Clock.fixed(Instant.parse("2026-09-30T00:00:00Z"), ZoneOffset.UTC));
    }

    /** Stored in the order the calls arrived, as the journal stores them. */
    private static void insert(MongoStore store, List<Document> records) {
        records = new ArrayList<>(records);
        records.sort(Comparator.comparing(call -> call.getDate("arrivalAt")));
        for (int i = 0; i < records.size(); i += 1_000) {
            store.calls().insertMany(records.subList(i, Math.min(records.size(), i + 1_000)));
        }
    }
}
