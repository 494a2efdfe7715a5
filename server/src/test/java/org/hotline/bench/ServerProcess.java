package org.hotline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import org.hotline.it.ApiSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.it.AsteriskSandbox;

/**
 * The packaged server run as users run it ({@code java -jar}, bin/hotline's JVM options, the
 * embedded store), in its own process so the benchmark's own work does not share its JVM.
 */
final class ServerProcess implements AutoCloseable {

    static final int PORT = 18080;
    /** bin/hotline's JVM options, from config/jvm.options (docs/operations.md says why). */
    static final List<String> JVM_OPTIONS = org.hotline.it.JvmOptionsFile.options();

    private final Process process;
    private final long started;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ApiSession api = new ApiSession(PORT);

    private ServerProcess(Process process, long started, String adminPassword) {
        this.process = process;
        this.started = started;
        this.adminPassword = adminPassword;
    }

    static ServerProcess start(String java, AsteriskSandbox asterisk) throws IOException {
        return start(java, asterisk, Map.of());
    }

    /** @param settings environment overrides of the configuration, e.g. HOTLINE_CAMPAIGN_CALLS_PER_SECOND */
    static ServerProcess start(String java, AsteriskSandbox asterisk, Map<String, String> settings) throws IOException {
        return start(java, asterisk, settings, JVM_OPTIONS);
    }

    /** @param jvmOptions the JVM's options in place of bin/hotline's */
    static ServerProcess start(String java, AsteriskSandbox asterisk, Map<String, String> settings, List<String> jvmOptions)
            throws IOException {
        Path home = AsteriskSandbox.home();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", home.resolve("server/target/hotline-server.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server/target/bench-server.log").toFile());
        Map<String, String> env = builder.environment();
        env.putAll(asterisk.environment());
        env.put("HOTLINE_HTTP_PORT", String.valueOf(PORT));
        env.remove("MONGO_URI");
        env.put("HOTLINE_HOURS", "00:00-24:00"); // benchmarks run at any hour
        env.putAll(settings);
        String password = adminPassword(asterisk.stateDir());
        env.put("HOTLINE_ADMIN_PASSWORD", password);
        long started = System.nanoTime();
        return new ServerProcess(builder.start(), started, password);
    }

    /** Seconds from process start until /api/health says every part is up. */
    double awaitHealthy() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: see server/target/bench-server.log");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    api.login("admin", adminPassword);
                    return seconds;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server was not healthy within 60 s");
    }

    String metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return api.post(path, json);
    }

    String get(String path) throws Exception {
        return api.get(path).body();
    }

    int put(String path, String json) throws Exception {
        return api.put(path, json).statusCode();
    }

    /**
     * The administrator's password for the benchmarks' store: made once and kept beside it, so a
     * store the last run left behind still lets the benchmark in.
     */
    private static String adminPassword(Path stateDir) throws IOException {
        Path file = stateDir.resolve("secrets/bench-admin.password");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, ApiSession.newPassword());
        }
        return Files.readString(file).strip();
    }

    long pid() {
        return process.pid();
    }

    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
