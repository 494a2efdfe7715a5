package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.report.CallFacts.OfferFacts;
import org.junit.jupiter.api.Test;

/**
 * Seven calls with hand-worked outcomes (T = 20 s, short abandon 5 s, talk target 3 min, limit
 * 5 min, three rings = 9 s, apology after 15 s of waiting for a person), and every figure checked.
 */
class FiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z"); // 09:00 in Beijing
    private static final ReportRules RULES = ReportRules.handbook();

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Answered by the hotline at once, waited exactly T for 010 (rang exactly three rings), talked exactly 3 min, rated 5. */
    static final CallFacts A = new CallFacts("A", T0, "orders", at(1), true, false, at(25), false, at(10), "010",
            at(30), at(210), at(220), null, null, null, null, 5,
            List.of(new OfferFacts("010", at(21), at(30), true)));
    /** 011 did not answer; 001 answered after 35 s; 6 min talk; no apology though one was due; rated 3. */
    static final CallFacts B = new CallFacts("B", T0, "orders", at(1), true, false, null, false, at(10), "001",
            at(45), at(405), at(425), null, null, null, null, 3,
            List.of(new OfferFacts("011", at(11), at(20), false), new OfferFacts("001", at(40), at(45), true)));
    /** Hung up 3 s after joining the queue: a short abandon. */
    static final CallFacts C = new CallFacts("C", T0, "orders", at(1), true, false, null, false, at(10), null,
            null, null, null, at(13), null, null, null, null, List.of());
    /** Hung up after 60 s in the queue, apologised to at 15 s. */
    static final CallFacts D = new CallFacts("D", T0, "complaints", at(1), true, false, at(25), false, at(10), null,
            null, null, null, at(70), null, null, null, null, List.of());
    /** The hotline picked up late (past five rings) and apologised; no menu choice. */
    static final CallFacts E = new CallFacts("E", T0, null, at(16), false, true, at(16), false, null, null,
            null, null, null, null, null, null, null, null, List.of());
    /** After hours: asked for a callback, reached after the deadline. */
    static final CallFacts F = new CallFacts("F", T0, null, at(1), true, false, null, true, null, null,
            null, null, null, null, at(30), at(3600), at(3700), null, List.of());
    /** Asked for a callback 5 s after joining the queue, reached in time. */
    static final CallFacts G = new CallFacts("G", T0, "orders", at(1), true, false, null, false, at(10), null,
            null, null, null, null, at(15), at(3615), at(600), null, List.of());

    private static final List<CallFacts> CALLS = List.of(A, B, C, D, E, F, G);

    private static Tally total() {
        Tally total = Tally.ZERO;
        for (CallFacts call : CALLS) {
            for (Tally share : CallTally.of(call, RULES).values()) {
                total = total.plus(share);
            }
        }
        return total;
    }

    @Test
    void callsAndTheirFatesAreCounted() {
        Figures figures = Figures.of(total());
        assertThat(figures.calls()).isEqualTo(7);
        assertThat(figures.systemAnswered()).isEqualTo(7);
        assertThat(figures.queued()).isEqualTo(5);
        assertThat(figures.agentAnswered()).isEqualTo(2);
        assertThat(figures.abandoned()).isEqualTo(1);
        assertThat(figures.shortAbandoned()).isEqualTo(1);
        assertThat(figures.callbackRequested()).isEqualTo(2);
        assertThat(figures.afterHours()).isEqualTo(1);
        assertThat(figures.ringNoAnswer()).isEqualTo(1);
        assertThat(figures.talkOverLimit()).isEqualTo(1);
    }

    @Test
    void theRingRulesAndTheApologyAreMeasuredCallByCall() {
        Figures figures = Figures.of(total());
        assertThat(figures.threeRings()).isEqualTo(new Ratio(6, 7));
        assertThat(figures.apology()).as("A, B, D waited past 15 s for a person, E for the hotline; B got none")
                .isEqualTo(new Ratio(3, 4));
        assertThat(figures.agentRings()).as("a phone answered exactly at three rings keeps the rule")
                .isEqualTo(new Ratio(2, 3));
    }

    @Test
    void serviceLevelInTheThreeDefinitionsPeersUse() {
        Figures figures = Figures.of(total());
        assertThat(figures.serviceLevelAnswered()).as("A answered exactly at T counts").isEqualTo(new Ratio(1, 2));
        assertThat(figures.serviceLevelOffered()).as("A within T, of A, B and D: the short abandon C is in neither part")
                .isEqualTo(new Ratio(1, 3));
        assertThat(figures.serviceLevelQueued()).as("A, C and G's callback request left the queue within T")
                .isEqualTo(new Ratio(3, 5));
    }

    @Test
    void waitingTalkAndHandlingTimes() {
        Figures figures = Figures.of(total());
        assertThat(figures.averageSpeedOfAnswer()).contains(Duration.ofMillis(27_500));
        assertThat(figures.averageHandlingTime()).as("(180 + 10 + 360 + 20) s / 2").contains(Duration.ofSeconds(285));
        assertThat(figures.abandonment()).as("D of the 4 queued calls that were not short abandons")
                .isEqualTo(new Ratio(1, 4));
        assertThat(figures.talkWithinTarget()).as("exactly three minutes is within the target").isEqualTo(new Ratio(1, 2));
    }

    @Test
    void callbacksAndSurveys() {
        Figures figures = Figures.of(total());
        assertThat(figures.callbacksWithinDeadline()).isEqualTo(new Ratio(1, 2));
        assertThat(figures.csat()).hasValue(4.0);
        assertThat(figures.csatAtLeast4()).isEqualTo(new Ratio(1, 2));
        assertThat(figures.csatDistribution()).containsExactly(0L, 0L, 1L, 0L, 1L);
        // the response rate (answered ÷ offered) is checked with hand-made tallies in FigureDefinitionsTest
    }

    @Test
    void withNothingToMeasureAFigureSaysNoDataNotZero() {
        Figures empty = Figures.of(Tally.ZERO);
        assertThat(empty.threeRings().value()).isEmpty();
        assertThat(empty.averageSpeedOfAnswer()).isEmpty();
        assertThat(empty.csat()).isEmpty();
    }

    @Test
    void eachCallCountsOnceWhateverTheAgentsAndEachRingCountsForItsAgent() {
        Map<String, Tally> b = CallTally.of(B, RULES);
        assertThat(b.keySet()).containsExactly("001", "011");
        assertThat(b.get("001").get(Measure.CALLS)).isEqualTo(1);
        assertThat(b.get("011").get(Measure.CALLS)).isZero();
        assertThat(b.get("011").get(Measure.RING_NO_ANSWER)).isEqualTo(1);
        assertThat(CallTally.of(C, RULES).keySet()).containsExactly(CallTally.NO_AGENT);
    }

    @Test
    void tallyingThenTakingACallAwayLeavesTheRest() {
        Tally withoutA = total();
        for (Tally share : CallTally.of(A, RULES).values()) {
            withoutA = withoutA.minus(share);
        }
        assertThat(withoutA.get(Measure.CALLS)).isEqualTo(6);
        assertThat(Figures.of(withoutA).serviceLevelAnswered()).isEqualTo(new Ratio(0, 1));
    }
}
