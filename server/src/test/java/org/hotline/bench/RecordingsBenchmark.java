package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.hotline.it.AsteriskSandbox;

/**
 * What recording costs, on the real Asterisk alone (no server): N conversations at once, each side
 * playing the hold music over a Local channel, recorded by MixMonitor into the recordings directory as an
 * agent's leg is, or not. Reports the disk a recorded hour of conversation takes (bytes written per
 * second of a call × 3600) and Asterisk's CPU with N recorded against N unrecorded conversations,
 * rounds alternating, in the same run.
 *
 * <p>Usage (bin/bench runs it): RecordingsBenchmark [conversations, default 10] [seconds measured, default 20]
 * [rounds of each, default 2]
 */
public final class RecordingsBenchmark {

    private static final String CONTEXT = "bench-recording";
    private static final long SETTLE_MS = 3000;

    private RecordingsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArguments line = BenchArguments.of(args);
        int calls = line.whole(0, 10, 1);
        int seconds = line.whole(1, 20, 5);
        int rounds = line.whole(2, 2, 1);
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        Path recordings = asterisk.stateDir().resolve("asterisk/data/recordings");
        Files.createDirectories(recordings);
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", asterisk.amiPort(), "hotline", asterisk.amiSecret())
                .createManagerConnection();
        ami.login();
        System.out.printf(Locale.ROOT, "%d conversations at once, %d s measured, %d rounds of each%n", calls, seconds, rounds);
        double plainCpu = 0;
        double recordedCpu = 0;
        double bytesPerCallSecond = 0;
        for (int round = 0; round < rounds; round++) {
            plainCpu += measure(ami, asterisk, "plain", calls, seconds, recordings)[0];
            double[] recorded = measure(ami, asterisk, "recorded", calls, seconds, recordings);
            recordedCpu += recorded[0];
            bytesPerCallSecond += recorded[1];
        }
        plainCpu /= rounds;
        recordedCpu /= rounds;
        bytesPerCallSecond /= rounds;
        System.out.printf(Locale.ROOT, "%nsummary, %d conversations:%n", calls);
        System.out.printf(Locale.ROOT, "  disk per hour of conversation: %.1f MB (%.0f bytes/s per call)%n",
                bytesPerCallSecond * 3600 / 1e6, bytesPerCallSecond);
        System.out.printf(Locale.ROOT, "  Asterisk CPU: %.1f%% unrecorded, %.1f%% recorded (x%.2f); %.2f%% of a core per recorded call%n",
                plainCpu * 100, recordedCpu * 100, recordedCpu / plainCpu, (recordedCpu - plainCpu) * 100 / calls);
        System.out.println(DoorBenchmark.machine());
        ami.logoff();
        asterisk.stop();
        System.exit(0);
    }

    /** One round: Asterisk's CPU (cores busy) over the window and, recorded, the bytes written per call per second. */
    private static double[] measure(ManagerConnection ami, AsteriskSandbox asterisk, String kind, int calls, int seconds,
                                    Path recordings) throws Exception {
        for (int i = 0; i < calls; i++) {
            OriginateAction talk = new OriginateAction();
            talk.setChannel("Local/talk@" + CONTEXT + "/n");
            talk.setContext(CONTEXT);
            talk.setExten(kind);
            talk.setPriority(1);
            talk.setAsync(true);
            talk.setTimeout(10_000L);
            ami.sendAction(talk);
        }
        Thread.sleep(SETTLE_MS);
        String up = asterisk.cli("core show channels count").lines().filter(l -> l.contains("active channel"))
                .findFirst().orElse("? active channels").strip();
        long bytesBefore = bytes(recordings);
        double ticksBefore = DoorBenchmark.ticks(asterisk.pid());
        long began = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double ticks = DoorBenchmark.ticks(asterisk.pid()) - ticksBefore;
        double elapsed = (System.nanoTime() - began) / 1e9;
        long written = bytes(recordings) - bytesBefore;
        asterisk.cli("channel request hangup all");
        Thread.sleep(1000);
        double cpu = ticks / DoorBenchmark.CLOCK_TICKS / elapsed;
        double perCallSecond = written / (calls * elapsed);
        System.out.printf(Locale.ROOT, "  %-8s %s; Asterisk %.1f%% of a core%s; load %s%n", kind, up, cpu * 100,
                kind.equals("recorded") ? String.format(Locale.ROOT, ", %.0f bytes/s per call", perCallSecond) : "",
                DoorBenchmark.load());
        return new double[] {cpu, perCallSecond};
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
