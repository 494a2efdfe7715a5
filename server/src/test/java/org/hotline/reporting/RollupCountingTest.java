package org.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.report.AgentSpan;
import org.hotline.report.CallFacts;
import org.hotline.report.CallFacts.OfferFacts;
import org.hotline.report.Measure;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;
import org.junit.jupiter.api.Test;

/** A call counts once: counting it again adds nothing, a change to its record adds only the difference. */
class RollupCountingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T02:10:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-22T02:00:00Z");
    private static final CentreCalendar UTC = new CentreCalendar(ZoneOffset.UTC);

    /** The stored shares, as the store would keep them. */
    private final Map<String, CallShare> stored = new HashMap<>();
    private final RollupCounting counting = new RollupCounting(UTC, T0.minusSeconds(7_200));

    private static CallFacts answered(Integer score) {
        return new CallFacts("A", T0, "orders", T0.plusSeconds(1), true, false, null, false, T0.plusSeconds(10), "010",
                T0.plusSeconds(30), T0.plusSeconds(210), T0.plusSeconds(220), null, null, null, null, score,
                List.of(new OfferFacts("010", T0.plusSeconds(21), T0.plusSeconds(30), true)));
    }

    private RollupCounting.Count count(CallFacts call) {
        Map<String, CallShare> now = new LinkedHashMap<>(Map.of(call.id(), CallShare.of(call, ReportRules.handbook())));
        RollupCounting.Count count = counting.count(now, calls -> {
            Map<String, CallShare> found = new HashMap<>();
            calls.keySet().forEach(id -> {
                if (stored.containsKey(id)) {
                    found.put(id, stored.get(id));
                }
            });
            return found;
        });
        stored.putAll(count.changed());
        counting.counted(count.changed());
        return count;
    }

    private static Tally added(RollupCounting.Count count, RollupLevel level, String agent) {
        return count.increments().increments().stream()
                .filter(increment -> increment.level() == level && increment.cell().equals(new RollupCell("orders", agent)))
                .map(RollupIncrements.Increment::tally).reduce(Tally.ZERO, Tally::plus);
    }

    @Test
    void aFinishedCallIsCountedIntoItsHourDayAndMonth() {
        RollupCounting.Count count = count(answered(null));

        assertThat(count.changed()).containsOnlyKeys("A");
        for (RollupLevel level : RollupLevel.values()) {
            assertThat(added(count, level, "010").get(Measure.AGENT_ANSWERED)).isEqualTo(1);
        }
        assertThat(count.increments().cellsByMonth()).containsOnlyKeys(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void theSameRecordCountedAgainAddsNothing() {
        count(answered(null));

        RollupCounting.Count again = count(answered(null));

        assertThat(again.changed()).isEmpty();
        assertThat(again.increments().isEmpty()).isTrue();
    }

    @Test
    void aSurveyAnsweredLaterAddsOnlyTheSurvey() {
        count(answered(null));

        RollupCounting.Count rated = count(answered(5));

        assertThat(rated.changed()).containsOnlyKeys("A");
        Tally hour = added(rated, RollupLevel.HOUR, "010");
        assertThat(hour.get(Measure.SURVEYS)).isEqualTo(1);
        assertThat(hour.get(Measure.SURVEY_SCORE_SUM)).isEqualTo(5);
        assertThat(hour.get(Measure.CALLS)).isZero();
        assertThat(hour.get(Measure.AGENT_ANSWERED)).isZero();
    }

    @Test
    void aRecountRebuildsTheHoursAndDaysFromTheSharesAlone() {
        CallShare share = CallShare.of(answered(5), ReportRules.handbook());

        RollupCounting.Recount recount = counting.recount(List.of(share));

        assertThat(recount.hours().increments()).allMatch(increment -> increment.level() == RollupLevel.HOUR
                && increment.start().equals(HOUR));
        assertThat(recount.days().increments()).allMatch(increment -> increment.level() == RollupLevel.DAY
                && increment.start().equals(Instant.parse("2026-11-22T00:00:00Z")));
        assertThat(recount.hours().increments()).hasSameSizeAs(recount.days().increments()).isNotEmpty();
    }

    @Test
    void anAgentsTimeIsCutAtEveryHour() {
        AgentSpan ready = new AgentSpan("010", "ready", null, Instant.parse("2026-11-22T02:30:00Z"),
                Instant.parse("2026-11-22T03:15:00Z"));

        RollupIncrements time = counting.agentTime(ready);

        assertThat(time.increments()).filteredOn(increment -> increment.level() == RollupLevel.HOUR)
                .extracting(RollupIncrements.Increment::start)
                .containsExactly(HOUR, Instant.parse("2026-11-22T03:00:00Z"));
        assertThat(time.increments()).allMatch(increment -> increment.cell().equals(new RollupCell(null, "010")));
    }
}
