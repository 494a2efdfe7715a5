package org.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.report.CallFacts;
import org.hotline.report.ComplianceRule;
import org.hotline.report.ReportRules;
import org.hotline.shared.PageCursor;
import org.junit.jupiter.api.Test;

/** The drill-down finds the finished calls that broke a rule, and never reads a long period in one request. */
class BreachFinderTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private static final Instant END = T0.plusSeconds(86_400);

    /** Calls one second apart; every {@code n}th answered late by the hotline, the rest on time. */
    private static List<CallFactPages.ReadCall> calls(int count, int lateEvery, boolean finished) {
        List<CallFactPages.ReadCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant arrival = T0.plusSeconds(i);
            boolean late = i % lateEvery == lateEvery - 1;
            CallFacts facts = new CallFacts("c" + i, arrival, i % 2 == 0 ? "orders" : "complaints", arrival.plusSeconds(late ? 16 : 1),
                    !late, false, null, false, null, null, null, null, null, null, null, null, null, null,
                    List.of());
            calls.add(new CallFactPages.ReadCall(new PageCursor(arrival, "c" + i), finished ? Optional.of(facts) : Optional.empty()));
        }
        return calls;
    }

    /** The calls in memory, paged as the store pages them. */
    private static CallFactPages pages(List<CallFactPages.ReadCall> calls) {
        return (from, to, limit, after) -> {
            List<CallFactPages.ReadCall> rest = calls.stream()
                    .filter(call -> after == null || call.at().arrivalAt().isAfter(after.arrivalAt())).toList();
            List<CallFactPages.ReadCall> page = rest.subList(0, Math.min(limit, rest.size()));
            return new CallFactPages.FactsPage(page, rest.size() > limit ? page.getLast().at() : null);
        };
    }

    private static BreachFinder finder(List<CallFactPages.ReadCall> calls) {
        return new BreachFinder(pages(calls), ReportRules.handbook(), Clock.fixed(END, ZoneOffset.UTC));
    }

    @Test
    void theCallsThatBrokeTheRuleInArrivalOrder() {
        BreachFinder.Found found = finder(calls(10, 3, true))
                .find(ComplianceRule.THREE_RINGS, T0, END, Optional.empty(), Optional.empty(), 100, null);

        assertThat(found.breaches()).extracting(breach -> breach.call().id()).containsExactly("c2", "c5", "c8");
        assertThat(found.read()).isEqualTo(10);
        assertThat(found.next()).as("the period is done").isNull();
    }

    @Test
    void narrowedToAQueue() {
        BreachFinder.Found found = finder(calls(10, 3, true))
                .find(ComplianceRule.THREE_RINGS, T0, END, Optional.of("orders"), Optional.empty(), 100, null);

        assertThat(found.breaches()).extracting(breach -> breach.call().id()).containsExactly("c2", "c8");
    }

    @Test
    void callsStillInProgressAreJudgedOnceOver() {
        BreachFinder.Found found = finder(calls(10, 1, false))
                .find(ComplianceRule.THREE_RINGS, T0, END, Optional.empty(), Optional.empty(), 100, null);

        assertThat(found.breaches()).isEmpty();
        assertThat(found.read()).isEqualTo(10);
    }

    @Test
    void aFullPageSaysWhereToGoOn() {
        BreachFinder finder = finder(calls(10, 3, true));

        BreachFinder.Found first = finder.find(ComplianceRule.THREE_RINGS, T0, END, Optional.empty(), Optional.empty(), 2, null);
        BreachFinder.Found second = finder.find(ComplianceRule.THREE_RINGS, T0, END, Optional.empty(), Optional.empty(), 2,
                first.next());

        assertThat(first.breaches()).extracting(breach -> breach.call().id()).containsExactly("c2", "c5");
        assertThat(first.next()).isEqualTo(new PageCursor(T0.plusSeconds(5), "c5"));
        assertThat(second.breaches()).extracting(breach -> breach.call().id()).containsExactly("c8");
        assertThat(second.next()).isNull();
    }

    @Test
    void noRequestReadsMoreThanItsShareOfRecords() {
        BreachFinder.Found found = finder(calls(BreachFinder.MOST_READ + 700, 1_000_000, true))
                .find(ComplianceRule.THREE_RINGS, T0, END, Optional.empty(), Optional.empty(), 100, null);

        assertThat(found.breaches()).isEmpty();
        assertThat(found.read()).isEqualTo(BreachFinder.MOST_READ);
        assertThat(found.next()).isEqualTo(new PageCursor(T0.plusSeconds(BreachFinder.MOST_READ - 1), "c" + (BreachFinder.MOST_READ - 1)));
    }
}
