package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.config.HotlineConfig;
import org.hotline.store.StoreLease;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A standby passes pages, the API and the live channel to the address the active server wrote with
 * the lease, saying who asked; it answers 503 at once, with Retry-After, while no server is active.
 */
class StandbyPassesOnTest {

    private static final Instant SINCE = Instant.parse("2026-12-06T06:00:00Z");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<String> seenForwardedFor = new AtomicReference<>();
    private HttpServer active;

    @BeforeEach
    void anActiveServer() throws Exception {
        active = vertx.createHttpServer().requestHandler(request -> {
            seenForwardedFor.set(request.getHeader("x-forwarded-for"));
            switch (request.path()) {
                case "/desktop.html" -> request.response().putHeader("content-type", "text/html").end("<html>desk</html>");
                case "/api/live" -> {
                    request.response().setChunked(true).putHeader("content-type", "text/event-stream").write("retry: 3000\n\n");
                    vertx.setTimer(300, t -> request.response().write("event: agent-state\ndata: {\"agent\":\"010\"}\n\n"));
                }
                default -> request.body().onSuccess(body -> request.response().setStatusCode(request.method().name().equals("PUT") ? 200 : 404)
                        .putHeader("content-type", "application/json")
                        .end(new JsonObject().put("method", request.method().name()).put("path", request.path())
                                .put("cookie", request.getHeader("cookie")).put("body", body.toString()).encode()));
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void pagesChangesAndTheLiveChannelReachTheActiveServerWithTheClientsAddress() throws Exception {
        StoreLease.Holder holder = holder("127.0.0.1:" + active.actualPort());
        try (StandbyHealth standby = StandbyHealth.start(new HotlineConfig.Http("127.0.0.1", 0), () -> holder)) {
            HttpResponse<String> page = send(standby, HttpRequest.newBuilder(uri(standby, "/desktop.html")));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<html>desk</html>");

            HttpResponse<String> change = send(standby, HttpRequest.newBuilder(uri(standby, "/api/agents/010/state"))
                    .header("cookie", "hotline_session=abc").header("x-forwarded-for", "6.6.6.6")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"paused\"}")));
            assertThat(change.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(change.body()).getString("body")).isEqualTo("{\"state\":\"paused\"}");
            assertThat(new JsonObject(change.body()).getString("cookie")).isEqualTo("hotline_session=abc");
            assertThat(seenForwardedFor.get()).as("the client's address, not what it claimed").isEqualTo("127.0.0.1");

            HttpResponse<java.io.InputStream> live = client.send(HttpRequest.newBuilder(uri(standby, "/api/live")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(live.headers().firstValue("content-type")).hasValue("text/event-stream");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(live.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("retry: 3000");
                assertThat(lines.readLine()).isEmpty();
                assertThat(lines.readLine()).as("an event sent after the stream opened").isEqualTo("event: agent-state");
            }
            HttpResponse<String> health = send(standby, HttpRequest.newBuilder(uri(standby, "/api/health")));
            assertThat(health.statusCode()).as("health is the standby's own").isEqualTo(503);
            assertThat(new JsonObject(health.body()).getJsonObject("lease").getJsonObject("holder").getString("web"))
                    .isEqualTo("127.0.0.1:" + active.actualPort());
        }
    }

    @Test
    void whileNoServerAnswersThePagesAndTheApiAreTold503AtOnceWithRetryAfter() throws Exception {
        int port = active.actualPort();
        active.close().await(5, TimeUnit.SECONDS);
        StoreLease.Holder killed = holder("127.0.0.1:" + port);
        StoreLease.Holder unknown = holder("");
        for (StoreLease.Holder holder : new StoreLease.Holder[] {killed, unknown}) {
            try (StandbyHealth standby = StandbyHealth.start(new HotlineConfig.Http("127.0.0.1", 0), () -> holder)) {
                long started = System.nanoTime();
                HttpResponse<String> page = send(standby, HttpRequest.newBuilder(uri(standby, "/desktop.html")));
                HttpResponse<String> api = send(standby, HttpRequest.newBuilder(uri(standby, "/api/agents")));

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("retry-after")).hasValue("2");
                assertThat(page.body()).startsWith("This server is on standby and ").contains("try again in a few seconds");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(new JsonObject(api.body()).getString("error")).contains("on standby");
            }
        }
    }

    @Test
    void anAdvertisedAddressLeadingBackToAStandbyIsRefusedNotLoopedRoundForever() throws Exception {
        AtomicReference<StandbyHealth> self = new AtomicReference<>();
        try (StandbyHealth standby = StandbyHealth.start(new HotlineConfig.Http("127.0.0.1", 0),
                () -> holder(self.get() == null ? "" : "127.0.0.1:" + self.get().port()))) {
            self.set(standby);
            HttpResponse<String> api = send(standby, HttpRequest.newBuilder(uri(standby, "/api/agents")));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("http.advertise");
        }
    }

    private static StoreLease.Holder holder(String web) {
        return new StoreLease.Holder("server-a", "host-a", 101, SINCE, SINCE.plusSeconds(15), 7, web);
    }

    private static URI uri(StandbyHealth standby, String path) {
        return URI.create("http://127.0.0.1:" + standby.port() + path);
    }

    private HttpResponse<String> send(StandbyHealth standby, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
