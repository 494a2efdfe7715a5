package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.shared.CallId;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wall board's live numbers as Prometheus sees them. */
class FloorGaugesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");

    private final Vertx vertx = Vertx.vertx();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Floor floor = TestFloor.of(vertx.getOrCreateContext(),
            List.of(new Agent(new AgentId("010"), "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3))), clock);

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    @Test
    void callsWaitingTheLongestWaitAndAgentsByState() {
        floor.measureWith(meters);
        floor.join(WaitingCall.ordinary(new CallId("c1"), ORDERS, NOW.minusSeconds(90)));
        floor.join(WaitingCall.ordinary(new CallId("c2"), ORDERS, NOW.minusSeconds(30)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(gauge("hotline.queue.waiting")).isEqualTo(2));
        assertThat(gauge("hotline.queue.longest.wait.seconds")).isEqualTo(90);
        assertThat(meters.get("hotline.agents").tag("state", "logged_out").gauge().value()).isEqualTo(1);
        assertThat(meters.get("hotline.agents").tag("state", "ready").gauge().value()).isZero();
    }
}
