package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import io.vertx.core.json.JsonObject;
import org.hotline.config.HotlineConfig;
import org.hotline.store.StoreLease;
import org.junit.jupiter.api.Test;

/** A standby server says so on /api/health and /metrics, naming the holder, its host, token and take-over. */
class StandbyHealthTest {

    private static final Instant SINCE = Instant.parse("2026-12-06T06:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void itAnswersHealthAndMetricsAsAStandbyNamingTheHolder() throws Exception {
        StoreLease.Holder holder = new StoreLease.Holder("server-a", "host-a", 101, SINCE, SINCE.plusSeconds(15), 7);
        try (StandbyHealth standby = StandbyHealth.start(new HotlineConfig.Http("127.0.0.1", 0), () -> holder)) {
            HttpResponse<String> health = get(standby, "/api/health");
            HttpResponse<String> metrics = get(standby, "/metrics");

            assertThat(health.statusCode()).isEqualTo(503);
            JsonObject lease = new JsonObject(health.body()).getJsonObject("lease");
            assertThat(lease.getString("role")).isEqualTo("standby");
            assertThat(lease.getLong("token")).isZero();
            assertThat(lease.getJsonObject("holder").getString("host")).isEqualTo("host-a");
            assertThat(lease.getJsonObject("holder").getLong("token")).isEqualTo(7);
            assertThat(lease.getString("lastTakeover")).isEqualTo("2026-12-06T06:00:00Z");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("hotline_lease_active 0.0", "hotline_lease_token 0.0",
                    "hotline_lease_holder_token 7.0", "hotline_lease_holder{host=\"host-a\",server=\"server-a\"} 1.0",
                    "hotline_lease_last_takeover_seconds " + (double) SINCE.getEpochSecond(), "jvm_memory_used_bytes{",
                    "jvm_threads_live_threads").doesNotContain("hotline_calls");
            assertThat(get(standby, "/api/calls").statusCode()).isEqualTo(503);
        }
    }

    private HttpResponse<String> get(StandbyHealth standby, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standby.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
