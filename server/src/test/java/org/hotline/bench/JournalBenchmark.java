package org.hotline.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.call.CallerId;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.store.EmbeddedMongo;
import org.hotline.store.MongoCallJournal;
import org.hotline.store.MongoStore;
import org.hotline.store.SpoolFile;
import org.hotline.store.StoreSpool;
import org.hotline.store.WriteRetry;

/**
 * What the journal's writes cost the embedded store as it fills: whole calls (11 events each)
 * written for the first time (found by the record's id alone) against the same calls replayed from
 * a spool (written where the record does not have them yet, the shape a replay needs), into a store
 * already holding N calls, alternating. {@code bin/bench journal [calls] [held ...]}.
 */
public final class JournalBenchmark {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final WriteRetry QUICK = new WriteRetry(Duration.ofMillis(10), Duration.ofMillis(40));

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<Integer> held = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            held.add(Integer.parseInt(args[i]));
        }
        if (held.isEmpty()) {
            held = List.of(0, 5_000, 20_000);
        }
        System.out.printf("%s; %d cores; %d whole calls (11 events each) a measurement%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), calls);
        Path dir = Files.createTempDirectory("hl-journal-");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir.resolve("db"));
                MongoStore store = new MongoStore(mongo.connectionString(), "bench_journal")) {
            int stored = 0;
            int run = 0;
            for (int size : held) {
                stored += fill(store, size - stored);
                double[] first = new double[2];
                double[] replayed = new double[2];
                for (int round = 0; round < 2; round++) {
                    Path spool = dir.resolve("r" + run + ".spool");
                    first[round] = firstWrites(store, calls, "f" + run);
                    replayed[round] = replays(store, calls, "p" + run, spool);
                    stored += 2 * calls;
                    run++;
                }
                double a = Math.min(first[0], first[1]);
                double b = Math.min(replayed[0], replayed[1]);
                System.out.printf("store holding %,d calls: first writes %.2f ms a call (rounds %.2f, %.2f); "
                        + "replayed %.2f ms a call (%.2f, %.2f); replayed / first x%.1f%n",
                        size, a, first[0], first[1], b, replayed[0], replayed[1], b / a);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Adds {@code count} finished calls straight into the store. */
    private static int fill(MongoStore store, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", "held." + System.nanoTime() + "." + i).append("arrivalAt", new Date())
                    .append("events", List.of(new Document("type", "arrived").append("wid", "x." + i))));
            if (batch.size() == 1_000) {
                store.calls().insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.calls().insertMany(batch);
        }
        return Math.max(count, 0);
    }

    /** Milliseconds a call: each event appended live and written by the journal as it comes. */
    private static double firstWrites(MongoStore store, int calls, String prefix) {
        MongoCallJournal journal = new MongoCallJournal(store.calls(), CLOCK);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            CallId id = new CallId(prefix + "." + i);
            wholeCall().forEach(event -> journal.append(id, event));
        }
        if (!journal.awaitIdle(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the journal did not finish");
        }
        long took = System.nanoTime() - start;
        journal.close();
        return took / 1e6 / calls;
    }

    /** Milliseconds a call: the same events left in a spool by a run that could not reach the store, written at the next start. */
    private static double replays(MongoStore store, int calls, String prefix, Path file) throws Exception {
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:" + freePort() + "/?serverSelectionTimeoutMS=200", "away");
                StoreSpool spool = new StoreSpool(SpoolFile.open(file), QUICK)) {
            MongoCallJournal dying = new MongoCallJournal(away.calls(), CLOCK, spool);
            spool.start();
            for (int i = 0; i < calls; i++) {
                CallId id = new CallId(prefix + "." + i);
                wholeCall().forEach(event -> dying.append(id, event));
            }
        }
        long start = System.nanoTime();
        try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), QUICK)) {
            new MongoCallJournal(store.calls(), CLOCK, spool);
            spool.start();
            if (!spool.awaitIdle(Duration.ofMinutes(10)) || spool.refused() > 0) {
                throw new IllegalStateException("the replay did not finish");
            }
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<CallEvent> wholeCall() {
        Instant t = Instant.now();
        CallerId caller = CallerId.presented("1001", "\"Zhang\" <1001>");
        return List.of(
                new CallEvent.Arrived(t, "PJSIP/trunk-00000011", "1740816000.17", caller, "800"),
                new CallEvent.Answered(t.plusMillis(250)),
                new CallEvent.AnswerMeasured(t.plusMillis(250), new AnswerMeasure(Duration.ofMillis(250), 1, true, false)),
                new CallEvent.FlowStarted(t.plusMillis(280), Language.ZH),
                new CallEvent.GreetingStarted(t.plusMillis(780)),
                new CallEvent.GreetingEnded(t.plusMillis(7_880)),
                new CallEvent.KeyPressed(t.plusMillis(9_130), '2'),
                new CallEvent.ChoiceMade(t.plusMillis(9_131), '2', "billing"),
                new CallEvent.HangupRequested(t.plusMillis(12_880)),
                new CallEvent.FlowEnded(t.plusMillis(12_890), FlowOutcome.COMPLETED),
                new CallEvent.Ended(t.plusMillis(13_000), 16, "Normal Clearing", HangupSide.HOTLINE));
    }
}
