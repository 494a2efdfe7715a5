package org.hotline.it;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.store.TestMongo;

/**
 * The hotline server as a process of its own ({@code org.hotline.Main}, the test class path),
 * so a test can kill it the hard way (SIGKILL: no shutdown hook, nothing flushed) and start
 * another on the same store and Asterisk.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ApiSession api;

    private ServerProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.api = new ApiSession(httpPort);
    }

    /** Starts a server and waits until its AMI, AGI and MongoDB are all up. */
    static ServerProcess start(AsteriskSandbox asterisk, String database, String logName) throws Exception {
        return start(asterisk, database, logName, Map.of(), true);
    }

    /**
     * Starts a server with {@code settings} added to its environment (they win: another
     * {@code MONGO_URI}, {@code HOTLINE_DATA_DIR}…); with {@code healthy}, waits until every part
     * is up and logs in as before, else only until its health answers at all (a server that
     * starts with its store away, or on standby).
     */
    static ServerProcess start(AsteriskSandbox asterisk, String database, String logName, Map<String, String> settings,
                               boolean healthy) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", logName + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // bin/hotline's collector and heap, from the same file (docs/operations.md)
                "@" + JvmOptionsFile.path(),
                "-cp", System.getProperty("java.class.path"), "org.hotline.Main"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(asterisk.environment());
        env.put("HOTLINE_HOURS", "00:00-24:00");
        env.put("HOTLINE_MESSAGES", "false"); // the flows as these tests know them (MessagesIT has messages)
        env.put("MONGO_URI", settings.getOrDefault("MONGO_URI", TestMongo.connectionString()));
        env.put("HOTLINE_MONGO_DATABASE", database);
        env.put("HOTLINE_HTTP_PORT", String.valueOf(port));
        env.put("HOTLINE_ADMIN_PASSWORD", ApiSession.adminPasswordFor(database));
        env.putAll(settings);
        ServerProcess server = new ServerProcess(builder.start(), port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("the server process exited with " + server.process.exitValue() + "; see " + log);
            }
            try {
                int status = server.health();
                if (status == 200 && healthy) {
                    server.api.login("admin", ApiSession.adminPasswordFor(database));
                    return server;
                }
                if (!healthy) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                server.kill();
                throw new IllegalStateException("the server process was not healthy within 60 s; see " + log);
            }
            Thread.sleep(healthy ? 200 : 50);
        }
    }

    /** {@code /api/health} as the server answers it (any status). */
    JsonObject healthJson() throws Exception {
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Logs in as the admin (for a server started without waiting until it was healthy). */
    void login(String database) throws Exception {
        api.login("admin", ApiSession.adminPasswordFor(database));
    }

    private int health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<String> get(String path) throws Exception {
        return api.get(path);
    }

    JsonObject getJson(String path) throws Exception {
        return api.getJson(path);
    }

    /** The call's record once it is closed and its flow completed (waits up to 30 s). */
    JsonObject completedRecord(String callId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> getJson("/api/calls/" + callId),
                        r -> r.getString("endedAt") != null && r.getJsonObject("flow") != null
                                && "completed".equals(r.getJsonObject("flow").getString("outcome")));
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return api.getBytes(path);
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return api.post(path, json);
    }

    /** SIGSTOP: the process stops where it is (as in a long pause or a deadlock); its sockets stay open. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** SIGCONT: a {@link #freeze() frozen} process goes on. */
    void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    HttpResponse<String> put(String path, String json) throws Exception {
        return api.put(path, json);
    }

    /** SIGTERM (a graceful stop: the shutdown hook runs); returns at once. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; false if it still runs after {@code max}. */
    boolean awaitExit(Duration max) throws InterruptedException {
        return process.waitFor(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    int httpPort() {
        return httpPort;
    }

    /** The process's exit status; fails while it runs. */
    int exitValue() {
        return process.exitValue();
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            signal("CONT"); // a frozen process cannot stop
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
