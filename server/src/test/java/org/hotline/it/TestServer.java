package org.hotline.it;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.server.HotlineServer;
import org.hotline.store.TestMongo;

/** The hotline server under test, in this JVM, configured from the shipped config/hotline.yaml. */
public final class TestServer implements AutoCloseable {

    private final HotlineServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(HotlineServer server) {
        this.server = server;
    }

    public static TestServer start(AsteriskSandbox asterisk, String database) throws Exception {
        return start(asterisk, database, Map.of());
    }

    /** @param settings environment overrides of the configuration for this server, e.g. HOTLINE_HOURS */
    public static TestServer start(AsteriskSandbox asterisk, String database, Map<String, String> settings) throws Exception {
        TestServer server = startWithoutAsterisk(asterisk, database, settings);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!server.server.amiConnected()) {
            if (System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("the server did not log in to Asterisk's AMI within 15 s");
            }
            Thread.sleep(50);
        }
        return server;
    }

    /** Starts the server without waiting for Asterisk: it keeps trying to log in to AMI. */
    public static TestServer startWithoutAsterisk(AsteriskSandbox asterisk, String database) throws Exception {
        return startWithoutAsterisk(asterisk, database, Map.of());
    }

    private static TestServer startWithoutAsterisk(AsteriskSandbox asterisk, String database, Map<String, String> settings)
            throws Exception {
        Map<String, String> env = new HashMap<>(asterisk.environment());
        env.put("HOTLINE_HOURS", "00:00-24:00"); // tests run at any hour; the after-hours test sets its own
        env.putAll(settings);
        env.put("MONGO_URI", TestMongo.connectionString());
        env.put("HOTLINE_MONGO_DATABASE", database);
        env.put("HOTLINE_HTTP_PORT", "0");
        Path home = AsteriskSandbox.home();
        HotlineConfig config = ConfigLoader.load(home.resolve("config/hotline.yaml"), env, home);
        return new TestServer(HotlineServer.start(config, Clock.systemUTC()));
    }

    /** Where the server answers, e.g. {@code http://127.0.0.1:41234}: for a browser. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The first event on the live channel (replaying what it keeps) whose data line contains every
     * one of {@code parts}, or an assertion error after {@code timeout}.
     */
    public String awaitLiveEvent(Duration timeout, String... parts) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/live"))
                .header("accept", "text/event-stream").header("last-event-id", "everything-kept").GET().build();
        HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            java.util.concurrent.CompletableFuture<String> found = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    lines.filter(line -> line.startsWith("data:") && java.util.Arrays.stream(parts).allMatch(line::contains))
                            .findFirst().orElse(null));
            try {
                return found.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no live event with " + java.util.Arrays.toString(parts) + " within " + timeout);
            }
        }
    }

    /** A multipart form: text fields, and one file under {@code fileField}. */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields, String fileField, String fileName,
                                         byte[] file) throws Exception {
        String boundary = "hotline-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(30)).header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public JsonObject getJson(String path) throws Exception {
        return new JsonObject(get(path).body());
    }

    /** The call's record once the call is over (ended, and the flow's outcome written), from the API. */
    public JsonObject awaitFinishedRecord(String id) {
        JsonObject[] found = new JsonObject[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get("/api/calls/" + id);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = new JsonObject(response.body());
            return found[0].containsKey("endedAt") && found[0].containsKey("flow")
                    && found[0].getJsonObject("flow").containsKey("outcome");
        });
        return found[0];
    }

    @Override
    public void close() {
        server.close();
    }
}
