package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.hotline.it.ApiSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear 400 naming what is wrong, in bounded time, and leaves nothing behind:
 * multipart uploads with no boundary or no closing boundary (sent byte by byte over a raw socket, as
 * a broken or hostile client sends them), and campaign contacts whose text fields are not text.
 */
class BadInputTest {

    /** How long the server may take to answer an upload that will never be complete. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

    @TempDir
    static Path state;
    static RunningHotline hotline;
    static String cookie;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        hotline = new RunningHotline(state);
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hotline.port() + "/api/session")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", "admin")
                        .put("password", hotline.adminPassword).encode())).build(), HttpResponse.BodyHandlers.ofString());
        cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        csrf = new JsonObject(login.body()).getString("csrfToken");
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static Path uploads() {
        return hotline.config.mongo().dataDir().resolveSibling("uploads");
    }

    private static long filesIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    /** Sends the request head and {@code body} raw, then reads whatever comes back until the server closes or the timeout. */
    private static String raw(String contentType, byte[] body, long contentLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", hotline.port())) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis() + 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/campaigns/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie + "\r\nX-CSRF-Token: " + csrf
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).matches("(?s).*\\r\\n\\r\\n.*\\}\\s*$")) {
                        break; // a whole JSON answer
                    }
                }
            } catch (SocketTimeoutException e) {
                // nothing (more) came: what came is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] uploadWithoutClosingBoundary(String boundary) {
        StringBuilder contacts = new StringBuilder("number,name\n");
        for (int i = 0; i < 2_000; i++) {
            contacts.append(String.format("139%08d,客户%d%n", i, i));
        }
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"campaign\"\r\n\r\n"
                + new JsonObject().put("id", "no-end").put("name", "no end").put("kind", "notification").put("message", "demo").encode()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"contacts\"; filename=\"contacts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + contacts).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyMultipartBoundaryIsA400SayingSo() throws Exception {
        String answer = raw("multipart/form-data; boundary=", "--\r\n\r\n--".getBytes(StandardCharsets.US_ASCII), 8);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("boundary");
    }

    @Test
    void anUploadMissingItsClosingBoundaryIsAnsweredInBoundedTimeAndLeavesNoFile() throws Exception {
        byte[] body = uploadWithoutClosingBoundary("b0undary");
        long started = System.nanoTime();

        String answer = raw("multipart/form-data; boundary=b0undary", body, body.length);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("upload without closing boundary answered in %d ms: %s%n", took.toMillis(), answer.lines().findFirst().orElse("nothing"));
        assertThat(answer).startsWith("HTTP/1.1 400").contains("boundary");
        assertThat(took).isLessThan(ANSWER_WITHIN);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> filesIn(uploads()) == 0);
        assertThat(hotline.admin().get("/api/campaigns/no-end").statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadThatStopsHalfwayIsAnsweredInBoundedTimeAndLeavesNoFile() throws Exception {
        byte[] body = uploadWithoutClosingBoundary("b0undary");
        long started = System.nanoTime();

        String answer = raw("multipart/form-data; boundary=b0undary", body, body.length + 10_000L);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer).matches("(?s)HTTP/1.1 (400|408).*");
        assertThat(took).isLessThan(ANSWER_WITHIN);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> filesIn(uploads()) == 0);
    }

    @Test
    void aWholeUploadStillGoesThroughAndLeavesNoFile() throws Exception {
        var answer = hotline.admin().postForm("/api/campaigns/upload", java.util.Map.of("campaign", new JsonObject()
                        .put("id", "whole").put("name", "whole").put("kind", "notification").put("message", "demo").encode()),
                "contacts", "contacts.csv", "number,name\n13900000011,陈先生\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> filesIn(uploads()) == 0);
    }

    @Test
    void campaignContactsWhoseTextIsNotTextAreRefusedNamingTheField() throws Exception {
        ApiSession admin = hotline.admin();
        JsonObject[] bad = {
                new JsonObject().put("number", "13900000011").put("name", new JsonObject().put("$gt", "")),
                new JsonObject().put("number", "13900000011").put("subject", new JsonArray().add("a").add("b")),
                new JsonObject().put("number", "13900000011").put("name", 42),
                new JsonObject().put("number", 13900000011L),
                new JsonObject().put("number", "13900000011").put("$where", "sleep(1000)"),
                new JsonObject().put("number", "13900000011").put("date", new JsonObject().put("$date", 0)),
        };
        String[] field = {"name", "subject", "name", "number", "$where", "date"};
        for (int i = 0; i < bad.length; i++) {
            String id = "bad-" + i;
            var answer = admin.post("/api/campaigns", new JsonObject().put("id", id).put("name", id).put("kind", "notification")
                    .put("message", "demo").put("contacts", new JsonArray().add(new JsonObject().put("number", "13800138000"))
                            .add(bad[i])).encode());

            assertThat(answer.statusCode()).as(bad[i].encode() + " → " + answer.body()).isEqualTo(400);
            assertThat(new JsonObject(answer.body()).getString("error")).as(bad[i].encode()).contains("contacts").contains(field[i]);
            assertThat(admin.get("/api/campaigns/" + id).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aCampaignsRecordingIsOffOnOrAnnounceAndOnlyForCallbackCampaigns() throws Exception {
        ApiSession admin = hotline.admin();
        JsonObject[] bad = {
                new JsonObject().put("kind", "callback").put("rules", new JsonObject().put("skill", "orders").put("recording", "sometimes")),
                new JsonObject().put("kind", "callback").put("rules", new JsonObject().put("skill", "orders").put("recording", true)),
                new JsonObject().put("kind", "survey").put("rules", new JsonObject().put("recording", "on")),
        };
        for (int i = 0; i < bad.length; i++) {
            String id = "recording-" + i;
            var answer = admin.post("/api/campaigns", bad[i].copy().put("id", id).put("name", id)
                    .put("contacts", new JsonArray().add(new JsonObject().put("number", "13800138000"))).encode());

            assertThat(answer.statusCode()).as(bad[i].encode() + " → " + answer.body()).isEqualTo(400);
            assertThat(new JsonObject(answer.body()).getString("error")).as(bad[i].encode()).contains("record");
            assertThat(admin.get("/api/campaigns/" + id).statusCode()).isEqualTo(404);
        }
    }
}
