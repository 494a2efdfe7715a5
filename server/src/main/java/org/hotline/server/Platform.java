package org.hotline.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.config.HotlineConfig;
import org.hotline.http.live.LiveResource;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;

/**
 * What every module after the store stands on: the configuration and the clock, Vert.x with its
 * meters, the live channel, the roster's agent IDs, and the parts to close at the stop.
 */
record Platform(HotlineConfig config, Clock clock, Vertx vertx, PrometheusMeterRegistry meters, LiveResource live,
                Set<AgentId> roster, Deque<AutoCloseable> parts) {

    static Platform start(HotlineConfig config, Clock clock, Deque<AutoCloseable> parts) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                // with the JVM's meters (heap, collections, threads) for the dashboard (deploy/grafana)
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        parts.push(() -> vertx.close().await(10, TimeUnit.SECONDS));
        // The live channel (desktops, wall boards) on a context of its own; every part may publish to it.
        // Every agent ID the roster has had; grows as admins add agents (see LiveRoster).
        Set<AgentId> roster = java.util.concurrent.ConcurrentHashMap.newKeySet();
        config.agents().stream().map(Agent::id).forEach(roster::add);
        LiveResource live = new LiveResource(vertx.getOrCreateContext(), roster::contains, clock,
                LiveResource.Settings.standard());
        return new Platform(config, clock, vertx, meters, live, roster, parts);
    }

    /** How long an agent's phone rings before they count as not answering (campaign agents, the audit of calls). */
    java.time.Duration agentRing() {
        return config.routing().waiting().agentRing().ringFor();
    }
}
