package org.hotline.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.store.MongoCallJournal;
import org.hotline.store.MongoStore;
import org.hotline.store.SpoolFile;
import org.hotline.store.StoreSpool;
import org.hotline.store.WriteRetry;

/**
 * How fast writes reach the spool's file on this disk (each on disk before it counts): single
 * appends, each its own fsync; batches; and call events through the journal with the store away
 * (the spool batches what arrives while it writes). {@code bin/bench spool [events]}.
 */
public final class SpoolBenchmark {

    private SpoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("hotline-spool-bench-");
        try {
            singleAppends(dir.resolve("single.spool"), 2_000);
            batches(dir.resolve("batch.spool"), 100_000, 100);
            journal(dir.resolve("journal.spool"), events);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void singleAppends(Path path, int count) throws Exception {
        String line = sampleLine();
        try (SpoolFile file = SpoolFile.open(path)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                file.append(List.of(line));
            }
            report("single appends (one fsync each)", count, System.nanoTime() - start, line.length());
        }
    }

    private static void batches(Path path, int count, int batch) throws Exception {
        String line = sampleLine();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            lines.add(line);
        }
        try (SpoolFile file = SpoolFile.open(path)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i += batch) {
                file.append(lines);
            }
            report("appends in batches of " + batch, count, System.nanoTime() - start, line.length());
        }
    }

    /** Call events appended as fast as possible with the store away: until every one is in the file. */
    private static void journal(Path path, int count) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=200", "bench");
                StoreSpool spool = new StoreSpool(SpoolFile.open(path), WriteRetry.standard())) {
            MongoCallJournal journal = new MongoCallJournal(away.calls(), Clock.systemUTC(), spool);
            spool.start();
            Instant at = Instant.parse("2026-12-06T06:00:00Z");
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                CallId id = new CallId("1765000000." + (i / 10));
                journal.append(id, i % 10 == 0
                        ? new CallEvent.Arrived(at, "Local/10000@hotline-0001;2", id.value(), CallerId.presented("13800138000", null),
                        "10000")
                        : new CallEvent.KeyPressed(at.plusMillis(i), '1'));
            }
            long appended = System.nanoTime() - start;
            while (lines(path) < count) {
                Thread.sleep(5);
            }
            long onDisk = System.nanoTime() - start;
            System.out.printf("journal append (caller's thread): %,.0f events/s%n", count / (appended / 1e9));
            report("journal events to disk, store away", count, onDisk, (int) (Files.size(path) / count));
        }
    }

    private static long lines(Path path) throws Exception {
        try (var lines = Files.lines(path)) {
            return lines.count();
        }
    }

    private static void report(String what, int count, long nanos, int lineBytes) {
        System.out.printf("%s: %,d lines of ~%d bytes in %d ms: %,.0f lines/s%n", what, count, lineBytes,
                Duration.ofNanos(nanos).toMillis(), count / (nanos / 1e9));
    }

    private static String sampleLine() {
        return "{\"t\": \"event\", \"call\": \"1765000000.42\", \"k\": \"a1b2c3d4e5f6.1z\", \"kind\": \"KeyPressed\", \"u\": "
                + "{\"$push\": {\"events\": {\"$each\": [{\"type\": \"key-pressed\", \"at\": {\"$date\": {\"$numberLong\": "
                + "\"1765000800000\"}}, \"key\": \"1\", \"wid\": \"a1b2c3d4e5f6.1z\"}], \"$sort\": {\"at\": 1}}}, \"$set\": "
                + "{\"updatedAt\": {\"$date\": {\"$numberLong\": \"1765000800001\"}}}}, \"count\": false}";
    }
}
