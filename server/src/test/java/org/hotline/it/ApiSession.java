package org.hotline.it;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A logged-in client of the server's API, as a browser is: the session cookie, and the CSRF token on every change. */
public final class ApiSession {

    private final int port;
    private final HttpClient http;
    private String csrfToken = "";

    public ApiSession(int port) {
        this(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager()).build(), "");
    }

    private ApiSession(int port, HttpClient http, String csrfToken) {
        this.port = port;
        this.http = http;
        this.csrfToken = csrfToken;
    }

    /** A browser on another machine: its requests leave from {@code local} (a loopback address other than 127.0.0.1). */
    public static ApiSession from(java.net.InetAddress local, int port) {
        return new ApiSession(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).localAddress(local)
                .cookieHandler(new CookieManager()).build(), "");
    }

    /** The same browser (its session cookie and CSRF token) talking to the server on {@code otherPort}. */
    public ApiSession at(int otherPort) {
        return new ApiSession(otherPort, http, csrfToken);
    }

    private static final Map<String, String> ADMIN_PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The first administrator's password for a test database: made once per database and run, so a
     * server restarted on the same store logs in with the password its first start was given.
     */
    public static String adminPasswordFor(String database) {
        return ADMIN_PASSWORDS.computeIfAbsent(database, ignored -> newPassword());
    }

    /** A password good enough for the server's rules, different every run. */
    public static String newPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return "T1-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Logs in; fails the test when the server refuses. */
    public ApiSession login(String user, String password) throws Exception {
        HttpResponse<String> response = send(request("/api/session").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user).put("password", password).encode())));
        if (response.statusCode() != 200) {
            throw new AssertionError("login as " + user + " refused: " + response.statusCode() + " " + response.body());
        }
        csrfToken = new JsonObject(response.body()).getString("csrfToken");
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A GET whose answer is not text (a recording); {@code headers}: name, value, name, value… */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder request = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonObject getJson(String path) throws Exception {
        return new JsonObject(get(path).body());
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return send(changing(path).header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return send(changing(path).header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(changing(path).DELETE());
    }

    /** A multipart form: text fields, and one file under {@code fileField}. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, String fileField, String fileName, byte[] file)
            throws Exception {
        String boundary = "hotline-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(changing(path).timeout(Duration.ofSeconds(30)).header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * The first event on the live channel (replaying what it keeps) whose data line contains every
     * one of {@code parts}, or an assertion error after {@code timeout}.
     */
    public String awaitLiveEvent(Duration timeout, String... parts) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/live"))
                .header("accept", "text/event-stream").header("last-event-id", "everything-kept").GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            CompletableFuture<String> found = CompletableFuture.supplyAsync(() ->
                    lines.filter(line -> line.startsWith("data:") && Arrays.stream(parts).allMatch(line::contains))
                            .findFirst().orElse(null));
            try {
                return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("no live event with " + Arrays.toString(parts) + " within " + timeout);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder changing(String path) {
        return request(path).header("X-CSRF-Token", csrfToken);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
