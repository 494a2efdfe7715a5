package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.it.AsteriskSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard (deploy/grafana/hotline.json) queries only what the server really exports:
 * every metric name in its PromQL, and every label its selectors match on, is on the /metrics of a
 * running hotline server, as Prometheus would scrape it.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = AsteriskSandbox.home().resolve("deploy/grafana/hotline.json");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([A-Za-z_:][A-Za-z0-9_:]*)(\\{([^}]*)})? ");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"");

    @TempDir
    static Path state;
    private static RunningHotline hotline;
    private static Map<String, Set<String>> exported;

    @BeforeAll
    static void scrapeARunningServer() throws Exception {
        hotline = new RunningHotline(state);
        System.gc(); // the collector's pause meters appear with its first collection
        String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hotline.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        exported = samples(scraped);
    }

    @AfterAll
    static void stop() {
        if (hotline != null) {
            hotline.close();
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsOneTheServerExports() throws Exception {
        Map<String, Set<String>> queried = dashboard().metrics();

        assertThat(queried).isNotEmpty();
        assertThat(queried.keySet()).as("metrics the dashboard queries that /metrics does not serve")
                .filteredOn(metric -> !exported.containsKey(metric)).isEmpty();
        assertThat(queried.entrySet()).as("labels the dashboard matches on that its metric does not carry")
                .flatMap(query -> query.getValue().stream()
                        .filter(label -> !exported.getOrDefault(query.getKey(), Set.of()).contains(label))
                        .map(label -> query.getKey() + "{" + label + "}").toList())
                .isEmpty();
    }

    @Test
    void theDashboardShowsTheFloorAndWhichServerIsActive() throws Exception {
        assertThat(dashboard().metrics().keySet()).contains(
                "hotline_lease_active", "hotline_lease_token", "hotline_lease_holder_token", "hotline_lease_holder",
                "hotline_lease_last_takeover_seconds", "hotline_calls_three_ring_today", "hotline_calls_answered_total",
                "hotline_queue_waiting", "hotline_agents", "hotline_agi_answer_overhead_seconds_bucket",
                "hotline_store_spool_waiting", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
    }

    @Test
    void aQueryOfAMetricNobodyExportsIsCaught() {
        Map<String, Set<String>> queried = DashboardQueries.metricsOf(
                "sum by (instance) (rate(hotline_calls_imagined_total{job=\"$job\", within_rule=\"true\"}[$__rate_interval]))"
                        + " / on (instance) hotline_calls_answered_total");

        assertThat(queried).containsOnlyKeys("hotline_calls_imagined_total", "hotline_calls_answered_total");
        assertThat(queried.get("hotline_calls_imagined_total")).containsExactly("within_rule");
        assertThat(exported).doesNotContainKey("hotline_calls_imagined_total");
    }

    private static DashboardQueries dashboard() throws Exception {
        return DashboardQueries.of(new JsonObject(Files.readString(DASHBOARD)));
    }

    /** Each sample name on the scrape (with _bucket, _count, _sum, _total as emitted) and the labels it carries. */
    private static Map<String, Set<String>> samples(String scraped) {
        Map<String, Set<String>> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(scraped);
        while (sample.find()) {
            Set<String> labels = samples.computeIfAbsent(sample.group(1), name -> new HashSet<>());
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return samples;
    }
}
