package org.hotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.it.AsteriskSandbox;

/**
 * Server start to healthy (AMI, AGI and the store all up), and resident memory after 10 s idle,
 * of the packaged server with the embedded store, against the real Asterisk.
 *
 * Usage (bin/bench runs it): StartupBenchmark JAVA [runs, default 5]
 */
public final class StartupBenchmark {

    public static void main(String[] args) throws Exception {
        String java = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        List<Double> startSeconds = new ArrayList<>();
        List<Double> rssMegabytes = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            try (ServerProcess server = ServerProcess.start(java, asterisk)) {
                double seconds = server.awaitHealthy();
                Thread.sleep(10_000);
                double rss = server.residentMegabytes();
                startSeconds.add(seconds);
                rssMegabytes.add(rss);
                System.out.printf(Locale.ROOT, "run %d: healthy after %.2f s, resident memory at idle %.0f MB%n", run, seconds, rss);
            }
        }
        System.out.printf(Locale.ROOT, "%nmedian of %d runs: start to healthy %.2f s; resident memory at idle %.0f MB%n",
                runs, InboundBenchmark.median(startSeconds), InboundBenchmark.median(rssMegabytes));
        System.exit(0);
    }
}
