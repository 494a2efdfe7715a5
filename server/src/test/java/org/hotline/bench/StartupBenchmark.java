package org.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.it.AsteriskSandbox;

/**
 * Server start to healthy (AMI, AGI and the store all up), and resident memory at idle, of the
 * packaged server as users run it ({@code java -jar server/target/hotline-server.jar}, the JVM
 * options of bin/hotline), with the embedded store, against the real Asterisk.
 *
 * Usage (bin/bench runs it): StartupBenchmark JAVA [runs, default 3]
 */
public final class StartupBenchmark {

    private static final int PORT = 18080;

    public static void main(String[] args) throws Exception {
        String java = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        Path home = AsteriskSandbox.home();
        List<Double> startSeconds = new ArrayList<>();
        List<Double> rssMegabytes = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int run = 1; run <= runs; run++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAMPercentage=25",
                    "-jar", home.resolve("server/target/hotline-server.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("server/target/bench-server.log").toFile());
            Map<String, String> env = builder.environment();
            env.putAll(asterisk.environment());
            env.put("HOTLINE_HTTP_PORT", String.valueOf(PORT));
            env.remove("MONGO_URI");
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                double seconds = awaitHealthy(http, process, started);
                Thread.sleep(10_000); // idle: no calls
                double rss = residentMegabytes(process.pid());
                startSeconds.add(seconds);
                rssMegabytes.add(rss);
                System.out.printf(Locale.ROOT, "run %d: healthy after %.2f s, resident memory at idle %.0f MB%n", run, seconds, rss);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        System.out.printf(Locale.ROOT, "%nmedian of %d runs: start to healthy %.2f s; resident memory at idle %.0f MB%n",
                runs, InboundBenchmark.median(startSeconds), InboundBenchmark.median(rssMegabytes));
        System.exit(0);
    }

    private static double awaitHealthy(HttpClient http, Process process, long started) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: see server/target/bench-server.log");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server was not healthy within 60 s");
    }

    private static double residentMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
