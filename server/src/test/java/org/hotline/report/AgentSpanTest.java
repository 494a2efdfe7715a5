package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents' time: cut at whole hours, counted by state and pause reason, and occupancy from it. */
class AgentSpanTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void aSpanAcrossAnHourIsCountedInBothHours() {
        AgentSpan span = new AgentSpan("010", "on-call", null, NINE.plusSeconds(3000), NINE.plusSeconds(4200));
        assertThat(span.byHour()).extracting(AgentSpan::hour, AgentSpan::length).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NINE, Duration.ofSeconds(600)),
                org.assertj.core.groups.Tuple.tuple(NINE.plusSeconds(3600), Duration.ofSeconds(600)));
    }

    @Test
    void timeCountsByStateAndPauseReasonAndLoggedOutTimeNotAtAll() {
        assertThat(new AgentSpan("010", "paused", "training", NINE, NINE.plusSeconds(1)).measure())
                .contains(Measure.PAUSED_TRAINING_MS);
        assertThat(new AgentSpan("010", "wrap-up", null, NINE, NINE.plusSeconds(1)).measure()).contains(Measure.AGENT_WRAP_UP_MS);
        assertThat(new AgentSpan("010", "logged-out", null, NINE, NINE.plusSeconds(1)).measure()).isEmpty();
    }

    @Test
    void occupancyIsTimeOnCallsAndWrapUpOfTimeAtWorkNotPaused() {
        Tally day = Tally.of(Map.of(Measure.READY_MS, 20_000L, Measure.OFFERED_MS, 5_000L, Measure.ON_CALL_MS, 60_000L,
                Measure.AGENT_WRAP_UP_MS, 15_000L, Measure.PAUSED_BREAK_MS, 600_000L));
        Figures figures = Figures.of(day);
        assertThat(figures.occupancy()).isEqualTo(new Ratio(75_000, 100_000));
        assertThat(figures.paused()).containsEntry("break", Duration.ofMinutes(10)).containsEntry("admin", Duration.ZERO);
    }
}
