package org.hotline.call;

import org.hotline.shared.Language;
import org.hotline.shared.CallId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cases.Case;
import org.hotline.cases.Cases;
import org.hotline.cases.CallerRecognition;
import org.hotline.customer.Customer;
import org.hotline.customer.LongDistanceRule;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.PriorityRules;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.junit.jupiter.api.Test;

class InboundFlowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final CallId ID = new CallId("1700000000.1");
    private static final Skill ORDERS = new Skill("orders");
    private static final ServiceHours ALWAYS_OPEN = ServiceHours.everyDay(ZoneOffset.UTC,
            new ServiceHours.Hours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<CallEvent> events = new ArrayList<>();
    private final List<Instant> sleptUntil = new ArrayList<>();
    private final FakeQueue queue = new FakeQueue();
    private final InboundFlow flow = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
            ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));

    private InboundCall callArrivedAt(Instant arrival) {
        return new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("1001", null), arrival, Language.ZH);
    }

    @Test
    void theCallerIsAnsweredGreetedAskedAndClosedPolitely() {
        FakeLine line = new FakeLine().presses('2');

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(line.heard).containsExactly("(answer)", "greeting", "menu", "choice-recorded", "closing", "(hang up)");
        assertThat(line.finished).isTrue();
        assertThat(events).contains(new CallEvent.ChoiceMade(NOW, '2', "after-sales"));
    }

    @Test
    void theGreetingComesRightAfterTheAnswerSoTheCompanyIsNamedFirst() {
        FakeLine line = new FakeLine().presses('1');
        flow.handle(callArrivedAt(NOW), line);
        assertThat(line.heard.subList(0, 2)).containsExactly("(answer)", "greeting");
    }

    @Test
    void theAnswerWaitsForThePlannedRingCountedFromArrival() {
        InboundFlow secondRing = new InboundFlow(new RingPolicy(Duration.ofSeconds(3), 2, 3, 5), IvrMenu.standard(),
                queue, WaitRules.standard(), ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
        secondRing.handle(callArrivedAt(NOW.minusSeconds(1)), new FakeLine().presses('1'));
        assertThat(sleptUntil).containsExactly(NOW.plusSeconds(2));
    }

    @Test
    void aCallerWhoAlreadyWaitedPastFiveRingsHearsAnApologyBeforeTheGreeting() {
        FakeLine line = new FakeLine().presses('1');
        flow.handle(callArrivedAt(NOW.minusSeconds(16)), line);
        assertThat(line.heard.subList(0, 3)).containsExactly("(answer)", "apology", "greeting");
        assertThat(events).contains(new CallEvent.ApologyPlayed(NOW));
    }

    @Test
    void theHotlineLiftsAsterisksDeadlineOnlyOnceItHasAnswered() {
        FakeLine line = new FakeLine().presses('1');
        flow.handle(callArrivedAt(NOW), line);
        assertThat(line.claimed).isTrue();
        assertThat(line.claimedUnanswered).isFalse();
    }

    @Test
    void aCallerTheFallbackAnsweredAndGreetedIsTakenBackAtTheMenuNeverAnsweredOrGreetedTwice() {
        FakeLine line = new FakeLine().presses('2');

        FlowOutcome outcome = flow.takeBack(callArrivedAt(NOW.minusSeconds(25)), line);

        assertThat(outcome).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(line.answered).isFalse();
        assertThat(line.claimed).isTrue();
        assertThat(line.heard).containsExactly("(music off)", "menu", "choice-recorded", "closing", "(hang up)");
        assertThat(sleptUntil).isEmpty();
        assertThat(events).contains(new CallEvent.TakenBack(NOW), new CallEvent.ChoiceMade(NOW, '2', "after-sales"));
        assertThat(events).noneMatch(e -> e instanceof CallEvent.ApologyPlayed || e instanceof CallEvent.Answered);
    }

    @Test
    void aCallerWhoseConversationWentOnWithoutTheServerIsAskedForTheRatingAndClosedNeverSentToTheMenu() {
        FakeLine line = new FakeLine().presses('5');

        FlowOutcome outcome = flow.takeBackAfterConversation(callArrivedAt(NOW.minusSeconds(200)), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(line.answered).isFalse();
        assertThat(line.claimed).isTrue();
        assertThat(line.heard).containsExactly("(music off)", "survey", "survey-thanks", "closing", "(hang up)");
        assertThat(events).contains(new CallEvent.TakenBack(NOW), new CallEvent.SurveyAnswered(NOW, 5));
        assertThat(events).filteredOn(CallEvent.FlowEnded.class::isInstance)
                .containsExactly(new CallEvent.FlowEnded(NOW, FlowOutcome.CONNECTED));
    }

    @Test
    void aCallerTakenBackWhoHangsUpAtTheMenuEndsTheFlowQuietly() {
        FakeLine line = new FakeLine().hangsUpDuring(Prompt.MENU);

        FlowOutcome outcome = flow.takeBack(callArrivedAt(NOW.minusSeconds(25)), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLER_HUNG_UP);
        assertThat(events).last().isEqualTo(new CallEvent.FlowEnded(NOW, FlowOutcome.CALLER_HUNG_UP));
    }

    @Test
    void aCallerTakenBackWhoWasWaitingInOrdersWaitsInOrdersAgainAheadOfALaterCaller() {
        queue.staffedWith("010");
        KeptPlace held = new KeptPlace(ORDERS, NOW.minusSeconds(40), false, false);
        FakeLine line = new FakeLine().waitedIn(held).agentsAnswer(AgentLeg.Outcome.ANSWERED);

        FlowOutcome outcome = flow.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(line.answered).isFalse();
        assertThat(line.heard).as("no menu, no second greeting: straight back to the wait")
                .containsExactly("(music off)", "(mark queued orders)", "(music)", "(music off)", "(talk with 010)", "survey",
                        "closing", "(hang up)");
        assertThat(queue.joined).isEqualTo(WaitingCall.ordinary(ID, ORDERS, NOW.minusSeconds(40)));
        assertThat(events).containsSubsequence(new CallEvent.TakenBack(NOW),
                new CallEvent.BackInQueue(NOW, "orders", NOW.minusSeconds(40)));
        assertThat(events).noneMatch(e -> e instanceof CallEvent.Queued || e instanceof CallEvent.ChoiceMade);

        // a caller who joined orders after them (while they were held) is behind them
        Distributor orders = new Distributor(List.of(new Agent(new AgentId("010"), "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3))),
                PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock);
        orders.enqueue(WaitingCall.ordinary(new CallId("1700000000.2"), ORDERS, NOW.minusSeconds(20)));
        orders.enqueue(queue.joined);
        orders.phoneRegistered(new AgentId("010"), true);
        orders.ready(new AgentId("010"));
        assertThat(orders.dispatch()).singleElement().extracting(Offer::call).isEqualTo(ID);
    }

    @Test
    void aCallerWhoHearsTheApologyHasItKeptOnTheirChannelWithTheirPlace() {
        queue.staffedWith();
        TestClock clock = new TestClock(NOW);
        InboundFlow waiting = flowOn(clock);
        FakeLine line = new FakeLine().presses('1').holdsOn(clock);

        waiting.handle(callArrivedAt(NOW), line);

        assertThat(line.renewedPlaces).containsExactly(new KeptPlace(ORDERS, NOW, false, false, true));
    }

    @Test
    void aCallerTakenBackWhoHadHeardTheApologyIsNotToldItAgain() {
        queue.staffedWith();
        TestClock clock = new TestClock(NOW);
        InboundFlow waiting = flowOn(clock);
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, NOW.minusSeconds(40), false, false, true)).holdsOn(clock);

        waiting.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(line.heard).doesNotContain("apology");
        assertThat(events).noneMatch(CallEvent.ApologyPlayed.class::isInstance);
    }

    @Test
    void aCallerTakenBackPastFiveRingsWhoHadNotHeardTheApologyHearsItAtOnce() {
        queue.staffedWith();
        TestClock clock = new TestClock(NOW);
        InboundFlow waiting = flowOn(clock);
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, NOW.minusSeconds(40), false, false)).holdsOn(clock);

        waiting.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(line.heard).filteredOn("apology"::equals).hasSize(1);
        assertThat(events).filteredOn(CallEvent.ApologyPlayed.class::isInstance).containsExactly(new CallEvent.ApologyPlayed(NOW));
    }

    @Test
    void aCallerTakenBackKeepsTheHeadStartTheyWaitedWith() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, NOW.minusSeconds(40), true, true))
                .agentsAnswer(AgentLeg.Outcome.ANSWERED);

        flow.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(queue.joined.vip()).isTrue();
        assertThat(queue.joined.longDistance()).isTrue();
        assertThat(queue.joined.enqueuedAt()).isEqualTo(NOW.minusSeconds(40));
    }

    @Test
    void whileACallerWaitsTheirChannelNamesTheirPlaceAndOnceTheyLeaveTheQueueItNamesNone() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED);

        flow.handle(callArrivedAt(NOW.minusSeconds(10)), line);

        assertThat(line.placesWhenRung).containsExactly(new KeptPlace(ORDERS, NOW, false, false));
        assertThat(line.keptPlace()).isEmpty();
    }

    @Test
    void aCallerTakenBackWhoseQueueHasNobodyAtWorkGoesToTheMenu() {
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, NOW.minusSeconds(40), false, false)).presses('1');

        FlowOutcome outcome = flow.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(outcome).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(line.heard).containsExactly("(music off)", "menu", "choice-recorded", "closing", "(hang up)");
        assertThat(queue.told).isEmpty();
    }

    @Test
    void aForeignQueueNameOnTheChannelIsIgnored() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(new Skill("billing"), NOW.minusSeconds(40), true, false))
                .presses('2').agentsAnswer(AgentLeg.Outcome.ANSWERED);

        flow.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

        assertThat(line.heard).startsWith("(music off)", "menu");
        assertThat(queue.joined).isEqualTo(WaitingCall.ordinary(ID, new Skill("after-sales"), NOW));
        assertThat(events).noneMatch(CallEvent.BackInQueue.class::isInstance);
    }

    @Test
    void aPlaceTakenBeforeTheCallArrivedOrStillToComeIsNotThisCallsAndIsIgnored() {
        for (Instant since : List.of(NOW.minusSeconds(61), NOW.plusSeconds(1))) {
            queue.staffedWith("010");
            FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, since, false, false))
                    .presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED);

            flow.takeBack(callArrivedAt(NOW.minusSeconds(60)), line);

            assertThat(line.heard).as("place since %s", since).startsWith("(music off)", "menu");
            assertThat(queue.joined.enqueuedAt()).isEqualTo(NOW);
        }
    }

    @Test
    void aCallerTakenBackOutsideServiceHoursIsToldSoNotPutBackInTheQueue() {
        queue.staffedWith("010");
        ServiceHours nineToNine = ServiceHours.everyDay(ZoneOffset.ofHours(8),
                new ServiceHours.Hours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(21, 0)));
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-22T13:30:00Z"), ZoneOffset.UTC); // 21:30 in Beijing
        InboundFlow closed = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                nineToNine, lateEvening, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(ORDERS, lateEvening.instant().minusSeconds(40), false, false));

        assertThat(closed.takeBack(callArrivedAt(lateEvening.instant().minusSeconds(60)), line)).isEqualTo(FlowOutcome.AFTER_HOURS);

        assertThat(line.heard).containsExactly("(music off)", "after-hours", "after-hours-offer", "closing", "(hang up)");
        assertThat(queue.told).isEmpty();
    }

    @Test
    void aWrongKeyIsExplainedAndTheMenuOfferedAgain() {
        FakeLine line = new FakeLine().presses('7', '3');

        flow.handle(callArrivedAt(NOW), line);

        assertThat(line.heard).containsExactly("(answer)", "greeting", "menu", "invalid", "menu", "choice-recorded",
                "closing", "(hang up)");
        assertThat(events).contains(new CallEvent.InvalidKey(NOW, '7'), new CallEvent.ChoiceMade(NOW, '3', "complaints"));
    }

    @Test
    void aCallerWhoPressesNothingIsAskedThreeTimesThenClosedPolitelyNeverCutOff() {
        FakeLine line = new FakeLine();

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.NO_CHOICE);
        assertThat(line.heard).containsExactly("(answer)", "greeting", "menu", "no-input", "menu", "no-input", "menu",
                "no-input", "closing", "(hang up)");
        assertThat(events).filteredOn(CallEvent.NoInput.class::isInstance).hasSize(3);
    }

    @Test
    void aCallerHangingUpDuringTheGreetingEndsTheFlowQuietly() {
        FakeLine line = new FakeLine().hangsUpDuring(Prompt.GREETING);

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLER_HUNG_UP);
        assertThat(line.hungUp).isFalse();
        assertThat(events).last().isEqualTo(new CallEvent.FlowEnded(NOW, FlowOutcome.CALLER_HUNG_UP));
        assertThat(events).noneMatch(CallEvent.HangupRequested.class::isInstance);
    }

    @Test
    void theHotlineSaysItHangsUpBeforeItDoesSoTheRecordKnowsWhoEndedTheCall() {
        flow.handle(callArrivedAt(NOW), new FakeLine().presses('0'));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsSubsequence("ChoiceMade", "HangupRequested", "FlowEnded");
    }

    @Test
    void aCallerWhoseQueueIsStaffedWaitsWithMusicAndTalksToTheAgentThenHearsTheClosing() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED);

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(line.heard).containsExactly("(answer)", "greeting", "menu", "(mark queued orders)", "(music)", "(music off)", "(talk with 010)",
                "survey", "closing", "(hang up)");
        assertThat(queue.told).containsExactly("join orders", "finished");
        assertThat(events).contains(new CallEvent.Queued(NOW, "orders"), new CallEvent.SurveyOffered(NOW));
        assertThat(events).as("the offer's ring and answer are Asterisk's to report, from the agent's leg")
                .noneMatch(e -> e instanceof CallEvent.Offered || e instanceof CallEvent.OfferEnded
                        || e instanceof CallEvent.AgentAnswered);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsHasAbandonedNextInLineAndTheAgentIsNotBlamed() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.CALLER_ABANDONED);

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLER_HUNG_UP);
        assertThat(queue.told).containsExactly("join orders", "leave", "leave");
        assertThat(events).contains(new CallEvent.Abandoned(NOW, 1, true));
        assertThat(events).noneMatch(e -> e instanceof CallEvent.SurveyOffered);
    }

    @Test
    void anAgentWhoDoesNotAnswerWithinTheRingsIsPassedOverAndTheNextOneGetsTheCall() {
        queue.staffedWith("011", "001");
        FakeLine line = new FakeLine().presses('2').agentsAnswer(AgentLeg.Outcome.NO_ANSWER, AgentLeg.Outcome.ANSWERED);

        flow.handle(callArrivedAt(NOW), line);

        assertThat(line.rang).containsExactly("011", "001");
        assertThat(queue.told).containsExactly("join after-sales", "not answered", "finished");
    }

    @Test
    void anAgentsPhoneRingsAtMostThreeRings() {
        queue.staffedWith("011");
        FakeLine line = new FakeLine().presses('2').agentsAnswer(AgentLeg.Outcome.ANSWERED);
        flow.handle(callArrivedAt(NOW), line);
        assertThat(line.ringTimes).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void anAgentsPhoneRingsByTheAgentsRingRuleNotByTheCallersAnswerRule() {
        queue.staffedWith("011");
        WaitRules fiveAgentRings = new WaitRules(Duration.ofMinutes(5), Duration.ofMinutes(1), new org.hotline.shared.Skill("agent"),
                true, new org.hotline.shared.AgentRingRule(new org.hotline.shared.Rings(5, Duration.ofSeconds(3))));
        InboundFlow agentsFiveRings = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, fiveAgentRings,
                ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('2').agentsAnswer(AgentLeg.Outcome.ANSWERED);
        agentsFiveRings.handle(callArrivedAt(NOW), line);
        assertThat(line.ringTimes).containsExactly(Duration.ofSeconds(15));

        queue.staffedWith("011");
        InboundFlow callersFiveRings = new InboundFlow(new RingPolicy(Duration.ofSeconds(3), 1, 5, 5), IvrMenu.standard(), queue,
                WaitRules.standard(), ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine other = new FakeLine().presses('2').agentsAnswer(AgentLeg.Outcome.ANSWERED);
        callersFiveRings.handle(callArrivedAt(NOW), other);
        assertThat(other.ringTimes).as("the agent still has three rings").containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void aCallerWhoWaitsPastTheMaximumLeavesTheQueueWithTheirChoiceRecordedAndAPoliteClose() {
        queue.staffedWith();
        Clock moving = steppingClock(100);
        InboundFlow patient = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                ALWAYS_OPEN, moving, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('1');

        FlowOutcome outcome = patient.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.NO_AGENT);
        assertThat(queue.told).first().isEqualTo("join orders");
        assertThat(queue.told).last().isEqualTo("leave");
        assertThat(line.heard).containsSubsequence("(music)", "(music off)", "choice-recorded", "closing", "(hang up)");
    }

    @Test
    void withNobodyAtWorkForTheQueueTheCallerIsNotKeptWaiting() {
        FakeLine line = new FakeLine().presses('1');
        flow.handle(callArrivedAt(NOW), line);
        assertThat(queue.told).isEmpty();
        assertThat(line.heard).doesNotContain("(music)");
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsRecordedAsAbandonedWithTheirPosition() {
        queue.callerHangsUpWhileWaiting();

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), new FakeLine().presses('3'));

        assertThat(outcome).isEqualTo(FlowOutcome.CALLER_HUNG_UP);
        assertThat(queue.told).containsExactly("join complaints", "leave");
        assertThat(events).contains(new CallEvent.Abandoned(NOW, 1));
    }

    @Test
    void outsideServiceHoursTheCallerIsGreetedToldSoAndClosedPolitelyWithoutTheMenu() {
        ServiceHours nineToNine = ServiceHours.everyDay(ZoneOffset.ofHours(8),
                new ServiceHours.Hours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(21, 0)));
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-22T13:30:00Z"), ZoneOffset.UTC); // 21:30 in Beijing
        InboundFlow closed = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                nineToNine, lateEvening, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine();

        assertThat(closed.handle(callArrivedAt(lateEvening.instant()), line)).isEqualTo(FlowOutcome.AFTER_HOURS);

        assertThat(line.heard).containsExactly("(answer)", "greeting", "after-hours", "after-hours-offer", "closing", "(hang up)");
        assertThat(events).contains(new CallEvent.AfterHours(lateEvening.instant()));
    }

    @Test
    void aCallerKeptWaitingPastFiveRingsForAPersonHearsAnApologyOnce() {
        queue.staffedWith();
        Clock fourSecondsPerLook = steppingClock(4);
        InboundFlow waiting = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, new WaitRules(Duration.ofSeconds(60), Duration.ofMinutes(1), new org.hotline.shared.Skill("agent"), true, org.hotline.shared.AgentRingRule.handbook()),
                ALWAYS_OPEN, fourSecondsPerLook, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('1');

        waiting.handle(callArrivedAt(NOW), line);

        assertThat(line.heard).containsSubsequence("menu", "(music)", "(music off)", "apology", "(music)");
        assertThat(line.heard).filteredOn("apology"::equals).hasSize(1);
        assertThat(events).filteredOn(CallEvent.ApologyPlayed.class::isInstance).hasSize(1);
    }

    @Test
    void anAgentWhoFreesUpDuringTheApologyCutsItShortAndIsRungAtOnce() {
        queue.staffedWith();
        Clock fourSecondsPerLook = steppingClock(4);
        InboundFlow waiting = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, new WaitRules(Duration.ofSeconds(60), Duration.ofMinutes(1), new org.hotline.shared.Skill("agent"), true, org.hotline.shared.AgentRingRule.handbook()),
                ALWAYS_OPEN, fourSecondsPerLook, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED)
                .whileHearing(Prompt.APOLOGY, () -> queue.agentFreesUp("010"));

        waiting.handle(callArrivedAt(NOW), line);

        assertThat(line.heard).containsSubsequence("apology", "(prompt cut short)", "(talk with 010)");
        assertThat(line.heard.subList(line.heard.indexOf("apology"), line.heard.indexOf("(talk with 010)")))
                .as("no announcement before the agent").noneMatch(heard -> heard.startsWith("queue-") || heard.startsWith("wait-"));
    }

    @Test
    void aWaitingCallerIsHeldQuietlyUntilTheNextMomentTheRulesSetWithTheApologyAnnouncementsAndMaximumOnTime() {
        queue.staffedWith();
        TestClock clock = new TestClock(NOW);
        InboundFlow flow = flowOn(clock);
        FakeLine line = new FakeLine().presses('1').holdsOn(clock);

        assertThat(flow.handle(callArrivedAt(NOW), line)).isEqualTo(FlowOutcome.NO_AGENT);

        // the apology after five rings (15 s), the position every minute, the close at five minutes: one hold between each
        assertThat(line.holds).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofMinutes(1),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(events).filteredOn(CallEvent.ApologyPlayed.class::isInstance)
                .containsExactly(new CallEvent.ApologyPlayed(NOW.plusSeconds(15)));
        assertThat(events).filteredOn(CallEvent.PositionAnnounced.class::isInstance)
                .extracting(event -> ((CallEvent.PositionAnnounced) event).at())
                .containsExactly(NOW, NOW.plusSeconds(60), NOW.plusSeconds(120), NOW.plusSeconds(180), NOW.plusSeconds(240));
        assertThat(events).contains(new CallEvent.LeftQueue(NOW.plus(WaitRules.standard().maxWait())));
    }

    @Test
    void anAgentFoundWhileTheCallerIsOnHoldCutsTheHoldShortAndIsRungAtOnce() {
        queue.staffedWith();
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED)
                .whileOnHold(() -> queue.agentFreesUp("010"));

        assertThat(flow.handle(callArrivedAt(NOW), line)).isEqualTo(FlowOutcome.CONNECTED);

        assertThat(line.holds).hasSize(1);
        assertThat(line.heard).containsSubsequence("callback-offer", "(music)", "(prompt cut short)", "(music off)",
                "(talk with 010)");
    }

    @Test
    void aCallerWhoHangsUpOnHoldIsNoticedAtOnceAndRecordedAsAbandoned() {
        queue.staffedWith();

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), new FakeLine().presses('1').hangsUpOnHold());

        assertThat(outcome).isEqualTo(FlowOutcome.CALLER_HUNG_UP);
        assertThat(queue.told).containsExactly("join orders", "leave");
        assertThat(events).contains(new CallEvent.Abandoned(NOW, 1));
    }

    @Test
    void aWaitingCallerHearsHowManyAreAheadTheExpectedWaitAndTheCallbackOffer() {
        queue.staffedWith().progressIs(3, Duration.ofMinutes(4));
        FakeLine line = new FakeLine().presses('1').pressesWhileWaiting('1');

        flow.handle(callArrivedAt(NOW), line);

        assertThat(line.heard).containsSubsequence("(music)", "(music off)", "queue-ahead", "number-2", "queue-callers",
                "wait-about", "number-4", "minutes", "callback-offer");
        assertThat(events).contains(new CallEvent.PositionAnnounced(NOW, 3, Duration.ofMinutes(4)));
    }

    @Test
    void theNextInLineIsToldSoWithoutAWaitEstimate() {
        assertThat(QueueWait.words(new org.hotline.routing.QueueProgress(1, Duration.ofMinutes(2))))
                .extracting(Speech::fileName).containsExactly("queue-next");
    }

    @Test
    void largeQueuesAndLongWaitsAreSaidInWordsNotAsRecordedNumbers() {
        assertThat(QueueWait.words(new org.hotline.routing.QueueProgress(30, Duration.ofMinutes(45))))
                .extracting(Speech::fileName).containsExactly("queue-many", "wait-long");
        assertThat(QueueWait.words(new org.hotline.routing.QueueProgress(2, Duration.ofSeconds(20))))
                .extracting(Speech::fileName).containsExactly("queue-ahead", "number-1", "queue-callers", "wait-about",
                        "number-1", "minutes");
    }

    @Test
    void aCallerWhoPressesTheCallbackKeyKeepsTheirPlaceIsToldSoAndClosedPolitely() {
        queue.staffedWith();
        FakeLine line = new FakeLine().presses('3').pressesWhileWaiting('7', '1');

        FlowOutcome outcome = flow.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(queue.told).containsExactly("join complaints", "callback 1001");
        assertThat(line.heard).endsWith("callback-booked", "closing", "(hang up)").doesNotContain("choice-recorded");
        assertThat(events).contains(new CallEvent.CallbackRequested(NOW, "1001", "complaints", NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void aCallerWithoutANumberToCallBackIsNotOfferedACallback() {
        queue.staffedWith();
        InboundCall anonymous = new InboundCall(ID, "PJSIP/caller-1", CallerId.presented(null, null), NOW, Language.ZH);
        FakeLine line = new FakeLine().presses('1').pressesWhileWaiting('1').hangsUpOnHold();

        flow.handle(anonymous, line);

        assertThat(line.heard).doesNotContain("callback-offer", "callback-booked");
        assertThat(queue.told).doesNotContain("callback 1001");
    }

    @Test
    void atTheMaximumWaitTheCallerIsOfferedACallbackBeforeAnyGoodbye() {
        queue.staffedWith();
        InboundFlow patient = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                ALWAYS_OPEN, steppingClock(100), sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('2', '1');

        FlowOutcome outcome = patient.handle(callArrivedAt(NOW), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(line.heard).containsSubsequence("max-wait-offer", "callback-booked", "closing", "(hang up)");
        assertThat(queue.told).containsExactly("join after-sales", "callback 1001");
    }

    @Test
    void outsideServiceHoursTheCallerCanLeaveACallbackRequestForTheGeneralQueue() {
        ServiceHours nineToNine = ServiceHours.everyDay(ZoneOffset.ofHours(8),
                new ServiceHours.Hours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(21, 0)));
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-22T13:30:00Z"), ZoneOffset.UTC);
        InboundFlow closed = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                nineToNine, lateEvening, sleptUntil::add, (id, event) -> events.add(event));
        FakeLine line = new FakeLine().presses('1');

        assertThat(closed.handle(callArrivedAt(lateEvening.instant()), line)).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);

        assertThat(line.heard).containsExactly("(answer)", "greeting", "after-hours", "after-hours-offer", "callback-booked",
                "closing", "(hang up)");
        assertThat(queue.told).containsExactly("callback agent 1001");
    }

    @Test
    void afterTheAgentHangsUpTheCallerRatesTheServiceOnTheKeypadAndTheScoreIsRecorded() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1', '4').agentsAnswer(AgentLeg.Outcome.ANSWERED);

        assertThat(flow.handle(callArrivedAt(NOW), line)).isEqualTo(FlowOutcome.CONNECTED);

        assertThat(line.heard).containsSubsequence("(talk with 010)", "survey", "survey-thanks", "closing");
        assertThat(events).contains(new CallEvent.SurveyAnswered(NOW, 4));
    }

    @Test
    void aCallerWhoHangsUpAfterTalkingStillCountsAsConnected() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED).hangsUpDuring(Prompt.SURVEY);

        assertThat(flow.handle(callArrivedAt(NOW), line)).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(events).noneMatch(CallEvent.SurveyAnswered.class::isInstance);
    }

    @Test
    void aVipCallerJoinsTheQueueWithAHeadStartAndTheirAdvisorFirstAndTheAgentSeesWhoIsCalling() {
        queue.staffedWith("011");
        Customer vip = new Customer("+8613800138000", "王女士", true, new AgentId("011"), null);
        List<ScreenPop> pops = new ArrayList<>();
        Reception reception = new Reception(new CallerRecognition(new PhoneNumbers("CN"),
                number -> number.equals(vip.number()) ? java.util.Optional.of(vip) : java.util.Optional.empty(),
                LongDistanceRule.nobody()), pops::add);
        InboundFlow recognising = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                reception, ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
        InboundCall call = new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("13800138000", null), NOW, Language.ZH);

        recognising.handle(call, new FakeLine().presses('2').agentsAnswer(AgentLeg.Outcome.ANSWERED));

        assertThat(queue.joined.vip()).isTrue();
        assertThat(queue.joined.advisor()).isEqualTo(new AgentId("011"));
        assertThat(events).contains(new CallEvent.Queued(NOW, "after-sales", true, false));
        assertThat(pops).singleElement().satisfies(pop -> {
            assertThat(pop.agent()).isEqualTo(new AgentId("011"));
            assertThat(pop.known().customer().name()).isEqualTo("王女士");
            assertThat(pop.waitedLong()).isFalse();
        });
    }

    @Test
    void aCallerWithACaseNotClosedWaitsForItsOwnerFirstAndTheOwnerSeesTheCase() {
        queue.staffedWith("010");
        Case open = Cases.open(NOW.minus(Duration.ofDays(1)));
        List<ScreenPop> pops = new ArrayList<>();
        Reception reception = new Reception(new CallerRecognition(new PhoneNumbers("CN"), number -> java.util.Optional.empty(),
                LongDistanceRule.nobody(), number -> number.equals(open.customer()) ? List.of(open) : List.of()), pops::add);
        InboundFlow recognising = new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                reception, ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
        InboundCall call = new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("13800138000", null), NOW, Language.ZH);

        recognising.handle(call, new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED));

        assertThat(queue.joined.caseOwner()).as("first-contact ownership").isEqualTo(new AgentId("010"));
        assertThat(pops).singleElement().satisfies(pop -> assertThat(pop.known().openCases()).containsExactly(open));
    }

    @Test
    void aCaseFileThatCannotBeReadLeavesTheCallerWithoutCasesNotTheCallFailed() {
        CallerRecognition broken = new CallerRecognition(new PhoneNumbers("CN"), number -> java.util.Optional.empty(),
                LongDistanceRule.nobody(), number -> {
                    throw new IllegalStateException("store down");
                });
        assertThat(broken.recognise("13800138000").openCases()).isEmpty();
        assertThat(broken.recognise("13800138000").caseOwner()).isNull();
    }

    @Test
    void aCustomerFileThatCannotBeReadLeavesTheCallerUnknownNotTheCallFailed() {
        CallerRecognition broken = new CallerRecognition(new PhoneNumbers("CN"), number -> {
            throw new IllegalStateException("store down");
        }, LongDistanceRule.nobody());
        assertThat(broken.recognise("13800138000").customer()).isNull();
        assertThat(broken.recognise("13800138000").e164()).isEqualTo("+8613800138000");
    }

    @Test
    void whenTheAgentTransfersTheCallerTheFlowStepsAsideWithoutClosingTheCall() {
        queue.staffedWith("010");
        FakeLine line = new FakeLine().presses('1').agentsAnswer(AgentLeg.Outcome.ANSWERED).agentTransfers();

        assertThat(flow.handle(callArrivedAt(NOW), line)).isEqualTo(FlowOutcome.TRANSFERRED);

        assertThat(line.heard).doesNotContain("survey", "closing", "(hang up)");
        assertThat(line.finished).as("the dialplan takes the caller on to the transfer's target").isFalse();
        assertThat(queue.told).containsExactly("join orders", "finished");
    }

    @Test
    void aTransferredCallerWaitsForTheColleagueFirstInTheQueueTheyCameFromThenIsClosedAsUsual() {
        queue.staffedWith("011");
        FakeLine line = new FakeLine().presses('3').agentsAnswer(AgentLeg.Outcome.ANSWERED);
        queue.join(WaitingCall.ordinary(ID, new Skill("complaints"), NOW)); // the call's first wait

        FlowOutcome outcome = flow.transferred(callArrivedAt(NOW), line, new AgentId("011"), "010");

        assertThat(outcome).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(queue.joined.skill()).isEqualTo(new Skill("complaints"));
        assertThat(queue.joined.caseOwner()).as("the colleague gets it first").isEqualTo(new AgentId("011"));
        assertThat(events).contains(new CallEvent.Transferred(NOW, "010", "011"));
        assertThat(line.heard).containsSubsequence("(talk with 011)", "survey", "closing", "(hang up)");
    }

    @Test
    void aTransferredCallerWhoseServerWentAwayIsTakenBackAtThePlaceTheTransferGaveThemWithoutASecondTransfer() {
        queue.staffedWith("011");
        KeptPlace transferPlace = new KeptPlace(ORDERS, NOW.minusSeconds(30), false, false);
        FakeLine line = new FakeLine().waitedIn(transferPlace).agentsAnswer(AgentLeg.Outcome.ANSWERED);

        FlowOutcome outcome = flow.transferTakenBack(callArrivedAt(NOW.minusSeconds(120)), line, new AgentId("011"));

        assertThat(outcome).isEqualTo(FlowOutcome.CONNECTED);
        assertThat(line.claimed).as("the dialplan's deadline lifted").isTrue();
        assertThat(queue.joined).isEqualTo(WaitingCall.ordinary(ID, ORDERS, NOW.minusSeconds(30)).ownedBy(new AgentId("011")));
        assertThat(events).containsSubsequence(new CallEvent.TakenBack(NOW), new CallEvent.BackInQueue(NOW, "orders", NOW.minusSeconds(30)));
        assertThat(events).noneMatch(e -> e instanceof CallEvent.Transferred || e instanceof CallEvent.Queued);
        assertThat(line.heard).first().isEqualTo("(music off)");
        assertThat(line.heard).containsSubsequence("(talk with 011)", "survey", "closing", "(hang up)");
        assertThat(line.finished).as("the dialplan is told the caller was served").isTrue();
    }

    /** A clock that moves on by {@code seconds} every time it is read: each look at it is a step of the wait. */
    private static Clock steppingClock(int seconds) {
        return new Clock() {
            private Instant now = NOW;

            @Override
            public Instant instant() {
                Instant current = now;
                now = now.plusSeconds(seconds);
                return current;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    /** The standard flow on a clock the test moves (each hold moves it on). */
    private InboundFlow flowOn(TestClock clock) {
        return new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                ALWAYS_OPEN, clock, sleptUntil::add, (id, event) -> events.add(event));
    }
}
