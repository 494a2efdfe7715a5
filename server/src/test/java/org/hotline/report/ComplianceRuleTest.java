package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drill-down: for each rule, exactly the calls of the hand-worked set that broke it. */
class ComplianceRuleTest {

    private static final List<CallFacts> CALLS = List.of(FiguresTest.A, FiguresTest.B, FiguresTest.C, FiguresTest.D,
            FiguresTest.E, FiguresTest.F, FiguresTest.G);
    private static final Instant LATER = Instant.parse("2026-11-22T03:00:00Z");

    private static List<String> brokenBy(ComplianceRule rule) {
        return CALLS.stream().filter(call -> rule.brokenBy(call, ReportRules.handbook(), LATER).isPresent())
                .map(CallFacts::id).toList();
    }

    @Test
    void eachRuleListsTheCallsThatBrokeIt() {
        assertThat(brokenBy(ComplianceRule.THREE_RINGS)).containsExactly("E");
        assertThat(brokenBy(ComplianceRule.APOLOGY)).containsExactly("B");
        assertThat(brokenBy(ComplianceRule.AGENT_RINGS)).as("011 rang out on B").containsExactly("B");
        assertThat(brokenBy(ComplianceRule.SERVICE_LEVEL)).as("answered at exactly T keeps it").containsExactly("B", "D");
        assertThat(brokenBy(ComplianceRule.ABANDONED)).as("the short abandon C is left out").containsExactly("D");
        assertThat(brokenBy(ComplianceRule.TALK_LIMIT)).containsExactly("B");
        assertThat(brokenBy(ComplianceRule.CALLBACK_DEADLINE)).containsExactly("F");
        assertThat(brokenBy(ComplianceRule.LOW_SCORE)).containsExactly("B");
    }

    @Test
    void aBreachSaysByHowMuch() {
        assertThat(ComplianceRule.TALK_LIMIT.brokenBy(FiguresTest.B, ReportRules.handbook(), LATER).orElseThrow().measured())
                .isEqualTo(Duration.ofMinutes(6));
        assertThat(ComplianceRule.CALLBACK_DEADLINE.brokenBy(FiguresTest.F, ReportRules.handbook(), LATER).orElseThrow()
                .measured()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void aCallbackNotMadeYetBreaksItsDeadlineOnlyOnceTheDeadlineHasPassed() {
        CallFacts pending = new CallFacts("P", LATER, "orders", LATER, true, false, null, false, LATER, null, null, null,
                null, null, LATER.plusSeconds(5), LATER.plusSeconds(3605), null, null, List.of());
        assertThat(ComplianceRule.CALLBACK_DEADLINE.brokenBy(pending, ReportRules.handbook(), LATER.plusSeconds(600))).isEmpty();
        assertThat(ComplianceRule.CALLBACK_DEADLINE.brokenBy(pending, ReportRules.handbook(), LATER.plusSeconds(4000)))
                .isPresent();
    }

    @Test
    void rulesAreNamedInTheApiByTheirIds() {
        assertThat(ComplianceRule.byId("three-rings")).contains(ComplianceRule.THREE_RINGS);
        assertThat(ComplianceRule.byId("callback-deadline")).contains(ComplianceRule.CALLBACK_DEADLINE);
        assertThat(ComplianceRule.byId("$where")).isEmpty();
    }
}
