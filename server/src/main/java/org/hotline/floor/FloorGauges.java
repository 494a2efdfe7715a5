package org.hotline.floor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;

/**
 * The floor's live values for Prometheus: calls waiting, the longest wait, agents by state. The
 * floor updates them after every change (on its own thread); a scrape reads them from any thread.
 */
final class FloorGauges {

    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong longestSinceMillis = new AtomicLong(Long.MIN_VALUE);
    private final Map<AgentState, AtomicLong> agents = new EnumMap<>(AgentState.class);

    FloorGauges(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder("hotline.queue.waiting", waiting, AtomicLong::get)
                .description("Calls and callback requests waiting for an agent").register(meters);
        Gauge.builder("hotline.queue.longest.wait.seconds", this, FloorGauges::longestWaitSeconds)
                .description("How long the longest-waiting call has waited").register(meters);
        for (AgentState state : AgentState.values()) {
            AtomicLong count = new AtomicLong();
            agents.put(state, count);
            Gauge.builder("hotline.agents", count, AtomicLong::get).tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Agents by state").register(meters);
        }
    }

    /** On the floor's thread, after a change. */
    void update(int waitingCalls, java.util.Optional<Instant> longestSince, List<AgentStatus> statuses) {
        waiting.set(waitingCalls);
        longestSinceMillis.set(longestSince.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
        Map<AgentState, Long> counts = new EnumMap<>(AgentState.class);
        statuses.forEach(status -> counts.merge(status.state(), 1L, Long::sum));
        agents.forEach((state, gauge) -> gauge.set(counts.getOrDefault(state, 0L)));
    }

    private double longestWaitSeconds() {
        long since = longestSinceMillis.get();
        return since == Long.MIN_VALUE ? 0 : Math.max(0, Duration.between(Instant.ofEpochMilli(since), clock.instant()).toMillis() / 1000.0);
    }
}
