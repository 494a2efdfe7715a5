package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.report.CallFacts.OfferFacts;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.ApologyRule;
import org.hotline.shared.TalkTimeRule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every figure's definition (see {@link Figure} and docs/figures.md), at its edges: each formula
 * from a hand-made tally, and where a threshold decides, the call exactly at it and one millisecond
 * over (T = 20 s, short abandon 5 s, three rings 9 s, talk target 3 min, limit 5 min). With nothing
 * to measure a figure is "no data", never 0 %.
 */
class FigureDefinitionsTest {

    private static final ReportRules RULES = ReportRules.handbook();
    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");
    private static final Instant QUEUED_AT = T0.plusSeconds(10);
    private static final Duration MS = Duration.ofMillis(1);

    /** A tally from measure, value pairs. */
    private static Tally tally(Object... pairs) {
        Map<Measure, Long> values = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((Measure) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return Tally.of(values);
    }

    private static Figures figures(Object... pairs) {
        return Figures.of(tally(pairs));
    }

    private static final Ratio NO_DATA = new Ratio(0, 0);

    /** All of a call's shares added up (its agents' and its own). */
    private static Figures figuresOf(CallFacts... calls) {
        Tally total = Tally.ZERO;
        for (CallFacts call : calls) {
            for (Tally share : CallTally.of(call, RULES).values()) {
                total = total.plus(share);
            }
        }
        return Figures.of(total);
    }

    /**
     * A call the hotline answered at once and queued at {@code QUEUED_AT}; the times given are after
     * joining the queue (null: did not happen). The one place these tests build call facts.
     */
    private static CallFacts queued(Duration answered, Duration talk, Duration abandoned, Duration callbackAsked,
                                    List<OfferFacts> offers) {
        Instant answeredAt = answered == null ? null : QUEUED_AT.plus(answered);
        return new CallFacts("c", T0, "orders", T0.plusSeconds(1), true, false, null, false, QUEUED_AT,
                answered == null ? null : "010", answeredAt, talk == null ? null : answeredAt.plus(talk), null,
                abandoned == null ? null : QUEUED_AT.plus(abandoned), callbackAsked == null ? null : QUEUED_AT.plus(callbackAsked),
                null, null, null, offers);
    }

    private static CallFacts answeredAfter(Duration wait) {
        return queued(wait, Duration.ofSeconds(60), null, null, List.of());
    }

    private static CallFacts talkedFor(Duration talk) {
        return queued(Duration.ofSeconds(5), talk, null, null, List.of());
    }

    private static CallFacts abandonedAfter(Duration wait) {
        return queued(null, null, wait, null, List.of());
    }

    /** An agent's ring of this length, answered or rung out. */
    private static CallFacts ring(Duration length, boolean answered) {
        Instant start = QUEUED_AT.plusSeconds(1);
        return queued(answered ? Duration.ofSeconds(1).plus(length) : null, answered ? Duration.ofSeconds(60) : null,
                answered ? null : Duration.ofSeconds(60), null, List.of(new OfferFacts("011", start, start.plus(length), answered)));
    }

    @Nested
    class TheCatalogue {

        @Test
        void everyFigureHasOneIdBothLabelsAUnitAFormulaAndAnEdgeRule() {
            Set<String> ids = new HashSet<>();
            for (Figure figure : Figure.values()) {
                assertThat(ids.add(figure.id())).as("unique id " + figure.id()).isTrue();
                assertThat(figure.label().en()).as(figure.id()).isNotBlank();
                assertThat(figure.label().zh()).as(figure.id()).isNotBlank().isNotEqualTo(figure.label().en());
                assertThat(figure.rule()).as(figure.id()).isNotBlank().endsWith(".");
                assertThat(figure.formula().numerator().words()).as(figure.id()).isNotBlank();
                assertThat(Figure.byId(figure.id())).contains(figure);
            }
        }

        @Test
        void sharesAreInRatioUnitsAndOnlySharesAre() {
            for (Figure figure : Figure.values()) {
                assertThat(figure.formula().shape() == Formula.Shape.SHARE).as(figure.id())
                        .isEqualTo(figure.unit() == Figure.Unit.RATIO);
            }
        }

        @Test
        void onlyTheCasesFigureComesFromOutsideTheCallTallies() {
            assertThat(List.of(Figure.values())).filteredOn(figure -> !figure.formula().numerator().fromTally())
                    .containsExactly(Figure.CASES_REPLIED_WITHIN_DEADLINE);
        }

        @Test
        void theSupervisorsReferenceNamesEveryFigure() throws java.io.IOException {
            String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("hotline.home", ".."),
                    "docs", "figures.md"));
            for (Figure figure : Figure.values()) {
                assertThat(doc).as("docs/figures.md names " + figure.id()).contains("`" + figure.id() + "`");
            }
        }

        @Test
        void formulasReadInMeasures() {
            assertThat(Figure.SERVICE_LEVEL_ANSWERED_AND_ABANDONED.formula().numerator().formula())
                    .isEqualTo("ANSWERED_WITHIN_SL + ABANDONED_WITHIN_SL − SHORT_ABANDONED");
            assertThat(Figure.SURVEY_RESPONSE_RATE.formula().denominator().formula()).isEqualTo("SURVEYS_OFFERED");
        }
    }

    @Test
    void withNothingToMeasureEveryShareAndAverageIsNoDataAndEveryCountZero() {
        Figures empty = Figures.of(Tally.ZERO);
        for (Figure figure : Figure.values()) {
            if (!figure.formula().numerator().fromTally()) {
                continue;
            }
            switch (figure.formula().shape()) {
                case SHARE -> assertThat(figure.ratio(Tally.ZERO).value()).as(figure.id()).isEmpty();
                case MEAN -> assertThat(figure.average(Tally.ZERO)).as(figure.id()).isEmpty();
                case TOTAL -> assertThat(figure.count(Tally.ZERO)).as(figure.id()).isZero();
                case SPREAD -> assertThat(figure.counts(Tally.ZERO)).as(figure.id()).containsOnly(0L);
            }
        }
        assertThat(empty.averageSpeedOfAnswer()).isEmpty();
        assertThat(empty.averageHandlingTime()).isEmpty();
        assertThat(empty.csat()).isEmpty();
    }

    @Nested
    class HotlineThreeRingAnswer {

        @Test
        void isHotlineAnswersWithinThreeRingsOfHotlineAnswers() {
            assertThat(figures(Measure.SYSTEM_WITHIN_RINGS, 6, Measure.SYSTEM_ANSWERED, 7).threeRings()).isEqualTo(new Ratio(6, 7));
        }

        @Test
        void callsTheHotlineNeverAnsweredAreNotInIt() {
            assertThat(figures(Measure.CALLS, 3).threeRings()).isEqualTo(NO_DATA);
        }
    }

    @Nested
    class Apology {

        @Test
        void isApologisedOfCallersWhoWaitedPastFiveRings() {
            assertThat(figures(Measure.APOLOGY_GIVEN, 1, Measure.APOLOGY_DUE, 2).apology()).isEqualTo(new Ratio(1, 2));
        }

        @Test
        void withNobodyKeptWaitingThereIsNoData() {
            assertThat(figures(Measure.CALLS, 5).apology().value()).isEmpty();
        }
    }

    @Nested
    class AgentThreeRingAnswer {

        @Test
        void isOffersAnsweredWithinThreeRingsOfOffersTheAgentCouldAnswer() {
            assertThat(figures(Measure.OFFERS_ANSWERED_WITHIN_RINGS, 3, Measure.OFFERS, 4).agentRings()).isEqualTo(new Ratio(3, 4));
        }

        @Test
        void aRingOfExactlyThreeRingsIsWithinAndOneMillisecondMoreIsNot() {
            assertThat(figuresOf(ring(Duration.ofSeconds(9), true)).agentRings()).isEqualTo(new Ratio(1, 1));
            assertThat(figuresOf(ring(Duration.ofSeconds(9).plus(MS), true)).agentRings()).isEqualTo(new Ratio(0, 1));
        }

        @Test
        void aRingNotAnsweredCountsInTheWholeOnlyAndAsARingNoAnswer() {
            Figures figures = figuresOf(ring(Duration.ofSeconds(9), false));
            assertThat(figures.agentRings()).isEqualTo(new Ratio(0, 1));
            assertThat(figures.ringNoAnswer()).isEqualTo(1);
        }

        @Test
        void withNoOfferThereIsNoData() {
            assertThat(figures(Measure.AGENT_ANSWERED, 0).agentRings().value()).isEmpty();
        }
    }

    @Nested
    class ServiceLevelAnswered {

        @Test
        void isAnsweredWithinTOfAnswered() {
            assertThat(figures(Measure.ANSWERED_WITHIN_SL, 3, Measure.AGENT_ANSWERED, 4, Measure.ABANDONED, 9)
                    .serviceLevelAnswered()).as("abandons are in neither part").isEqualTo(new Ratio(3, 4));
        }

        @Test
        void anAnswerExactlyAtTIsWithinAndOneMillisecondLaterIsNot() {
            assertThat(figuresOf(answeredAfter(Duration.ofSeconds(20))).serviceLevelAnswered()).isEqualTo(new Ratio(1, 1));
            assertThat(figuresOf(answeredAfter(Duration.ofSeconds(20).plus(MS))).serviceLevelAnswered())
                    .isEqualTo(new Ratio(0, 1));
        }

        @Test
        void withNothingAnsweredThereIsNoDataNotZero() {
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(30))).serviceLevelAnswered()).isEqualTo(NO_DATA);
        }
    }

    @Nested
    class ServiceLevelAnsweredAndAbandoned {

        @Test
        void isAnsweredAndLongAbandonsWithinTOfAnsweredAndLongAbandons() {
            // 4 answered (3 within T); 2 long abandons (1 within T); 5 short abandons, all within T
            Figures figures = figures(Measure.ANSWERED_WITHIN_SL, 3, Measure.AGENT_ANSWERED, 4, Measure.ABANDONED, 2,
                    Measure.SHORT_ABANDONED, 5, Measure.ABANDONED_WITHIN_SL, 6);
            assertThat(figures.serviceLevelOffered()).isEqualTo(new Ratio(4, 6));
        }

        @Test
        void shortAbandonsAreInNeitherPart() {
            assertThat(figuresOf(answeredAfter(Duration.ofSeconds(10)), abandonedAfter(Duration.ofSeconds(3)))
                    .serviceLevelOffered()).isEqualTo(new Ratio(1, 1));
        }

        @Test
        void anAbandonExactlyAtTheShortAbandonTimeIsShortAndOneMillisecondLaterIsALongAbandonWithinT() {
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(5))).serviceLevelOffered()).isEqualTo(NO_DATA);
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(5).plus(MS))).serviceLevelOffered())
                    .isEqualTo(new Ratio(1, 1));
        }

        @Test
        void aLongAbandonExactlyAtTIsWithinAndOneMillisecondLaterIsNot() {
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(20))).serviceLevelOffered()).isEqualTo(new Ratio(1, 1));
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(20).plus(MS))).serviceLevelOffered())
                    .isEqualTo(new Ratio(0, 1));
        }

        @Test
        void theShortAbandonTimeMayNotExceedT() {
            assertThatThrownBy(() -> new ReportRules(Duration.ofSeconds(5), Duration.ofSeconds(6), AnswerRule.handbook(),
                    AgentRingRule.handbook(), ApologyRule.handbook(), TalkTimeRule.handbook()))
                    .isInstanceOf(IllegalArgumentException.class);
            new ReportRules(Duration.ofSeconds(5), Duration.ofSeconds(5), AnswerRule.handbook(), AgentRingRule.handbook(),
                    ApologyRule.handbook(), TalkTimeRule.handbook()); // equal is fine: a short abandon is then exactly at T
        }
    }

    @Nested
    class ServiceLevelQueued {

        @Test
        void isLeftTheQueueWithinTOfQueued() {
            assertThat(figures(Measure.REMOVED_WITHIN_SL, 3, Measure.QUEUED, 5).serviceLevelQueued()).isEqualTo(new Ratio(3, 5));
        }

        @Test
        void shortAbandonsAndCallbackRequestsWithinTCountAsLeavingWithinT() {
            CallFacts callback = queued(null, null, null, Duration.ofSeconds(20), List.of());
            CallFacts lateCallback = queued(null, null, null, Duration.ofSeconds(20).plus(MS), List.of());
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(2)), callback, lateCallback).serviceLevelQueued())
                    .isEqualTo(new Ratio(2, 3));
        }
    }

    @Nested
    class AverageSpeedOfAnswer {

        @Test
        void isTheMeanWaitFromJoiningTheQueueToTheAgentsAnswer() {
            assertThat(figures(Measure.WAIT_MS, 55_000, Measure.AGENT_ANSWERED, 2).averageSpeedOfAnswer())
                    .contains(Duration.ofMillis(27_500));
        }

        @Test
        void abandonsAreNotInIt() {
            assertThat(figuresOf(answeredAfter(Duration.ofSeconds(10)), abandonedAfter(Duration.ofSeconds(90)))
                    .averageSpeedOfAnswer()).contains(Duration.ofSeconds(10));
        }
    }

    @Nested
    class AverageHandlingTime {

        @Test
        void isTheMeanOfTalkAndWrapUp() {
            assertThat(figures(Measure.TALK_MS, 300_000, Measure.WRAP_UP_MS, 60_000, Measure.TALKS, 2).averageHandlingTime())
                    .contains(Duration.ofSeconds(180));
        }

        @Test
        void withNoConversationThereIsNoData() {
            assertThat(figures(Measure.WRAP_UP_MS, 60_000).averageHandlingTime()).isEmpty();
        }
    }

    @Nested
    class Abandonment {

        @Test
        void isLongAbandonsOfQueuedCallsThatWereNotShortAbandons() {
            assertThat(figures(Measure.ABANDONED, 1, Measure.SHORT_ABANDONED, 1, Measure.QUEUED, 5).abandonment())
                    .isEqualTo(new Ratio(1, 4));
        }

        @Test
        void whenEveryQueuedCallerHungUpWithinTheShortAbandonTimeThereIsNoData() {
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(5))).abandonment()).isEqualTo(NO_DATA);
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(5).plus(MS))).abandonment()).isEqualTo(new Ratio(1, 1));
        }
    }

    @Nested
    class TalkTime {

        @Test
        void exactlyThreeMinutesIsWithinTheTargetAndOneMillisecondMoreIsNot() {
            assertThat(figuresOf(talkedFor(Duration.ofMinutes(3))).talkWithinTarget()).isEqualTo(new Ratio(1, 1));
            assertThat(figuresOf(talkedFor(Duration.ofMinutes(3).plus(MS))).talkWithinTarget()).isEqualTo(new Ratio(0, 1));
        }

        @Test
        void exactlyFiveMinutesIsNotOverTheLimitAndOneMillisecondMoreIs() {
            assertThat(figuresOf(talkedFor(Duration.ofMinutes(5))).talkOverLimit()).isZero();
            assertThat(figuresOf(talkedFor(Duration.ofMinutes(5).plus(MS))).talkOverLimit()).isEqualTo(1);
        }

        @Test
        void withNoConversationThereIsNoData() {
            assertThat(figuresOf(abandonedAfter(Duration.ofSeconds(30))).talkWithinTarget()).isEqualTo(NO_DATA);
        }
    }

    @Nested
    class Callbacks {

        @Test
        void isReachedByTheDeadlineOfRequested() {
            assertThat(figures(Measure.CALLBACK_WITHIN_DEADLINE, 1, Measure.CALLBACK_REQUESTED, 2).callbacksWithinDeadline())
                    .isEqualTo(new Ratio(1, 2));
        }

        @Test
        void withNoRequestThereIsNoData() {
            assertThat(figures(Measure.CALLS, 1).callbacksWithinDeadline().value()).isEmpty();
        }
    }

    @Nested
    class Surveys {

        @Test
        void theResponseRateIsSurveysAnsweredOfSurveysOffered() {
            assertThat(figures(Measure.SURVEYS, 3, Measure.SURVEYS_OFFERED, 4, Measure.AGENT_ANSWERED, 10).surveyResponse())
                    .as("not of the calls agents answered").isEqualTo(new Ratio(3, 4));
        }

        @Test
        void aSurveyOfferedButNotAnsweredIsAZeroNotNoData() {
            Ratio rate = figures(Measure.SURVEYS_OFFERED, 1).surveyResponse();
            assertThat(rate).isEqualTo(new Ratio(0, 1));
            assertThat(rate.value()).hasValue(0.0);
        }

        @Test
        void withNoSurveyOfferedThereIsNoData() {
            assertThat(figures(Measure.AGENT_ANSWERED, 4).surveyResponse().value()).isEmpty();
        }

        @Test
        void tallyKeptBeforeOffersWereCountedSaysNoDataRatherThanAWrongShare() {
            assertThat(figures(Measure.SURVEYS, 2).surveyResponse()).isEqualTo(NO_DATA);
        }

        @Test
        void scoresAverageTheirShareOfFourOrFiveAndTheirDistribution() {
            Figures figures = figures(Measure.SURVEYS, 4, Measure.SURVEY_SCORE_SUM, 14, Measure.SURVEY_2, 1, Measure.SURVEY_3, 1,
                    Measure.SURVEY_4, 1, Measure.SURVEY_5, 1);
            assertThat(figures.csat()).hasValue(3.5);
            assertThat(figures.csatAtLeast4()).isEqualTo(new Ratio(2, 4));
            assertThat(figures.csatDistribution()).containsExactly(0L, 1L, 1L, 1L, 1L);
        }
    }

    @Nested
    class AgentsTime {

        @Test
        void occupancyIsOnCallsAndWrapUpOfReadyRingingOnCallsAndWrapUp() {
            Figures figures = figures(Measure.ON_CALL_MS, 1_800_000, Measure.AGENT_WRAP_UP_MS, 600_000, Measure.READY_MS, 900_000,
                    Measure.OFFERED_MS, 300_000, Measure.PAUSED_BREAK_MS, 900_000);
            assertThat(figures.occupancy()).as("paused time is in neither part").isEqualTo(new Ratio(2_400_000, 3_600_000));
            assertThat(figures.paused()).containsEntry("break", Duration.ofMinutes(15))
                    .containsEntry("ring-no-answer", Duration.ZERO);
        }

        @Test
        void withNoTimeAtWorkThereIsNoOccupancy() {
            assertThat(figures(Measure.PAUSED_ADMIN_MS, 60_000).occupancy()).isEqualTo(NO_DATA);
        }
    }
}
