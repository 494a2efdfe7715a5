package org.hotline.call;

import org.hotline.shared.Language;
import org.hotline.shared.CallId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00.123Z");
    private static final CallId CALL = new CallId("1700000000.7");

    private final List<CallEvent> journal = new ArrayList<>();
    private final CallTracker tracker = new CallTracker(RingPolicy.handbook(), (id, event) -> journal.add(event));

    private CallEvent.Arrived arrived(Instant at) {
        return new CallEvent.Arrived(at, "PJSIP/caller-00000001", CALL.value(), CallerId.presented("1001", null), "10000");
    }

    @Test
    void theRingRuleIsJudgedOnceArrivalAndAnswerAreBothKnown() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(250)));

        assertThat(journal).contains(new CallEvent.AnswerMeasured(T0.plusMillis(250),
                new AnswerMeasure(Duration.ofMillis(250), 1, true, false)));
    }

    @Test
    void theFrontDoorsStampIsTheArrivalTheAnswerWaitCountsFrom() {
        Instant stamped = T0.minusSeconds(4); // Asterisk got round to the INVITE 4 s after the front door saw it
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.ArrivalStamped(stamped, T0.plusMillis(2)));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(500)));

        assertThat(tracker.arrivalOf(CALL)).contains(stamped);
        assertThat(journal).contains(new CallEvent.ArrivalStamped(stamped, T0.plusMillis(2)),
                new CallEvent.AnswerMeasured(T0.plusMillis(500), new AnswerMeasure(Duration.ofMillis(4_500), 2, true, false)));
    }

    @Test
    void aStampThatMakesNoSenseAgainstAsterisksClockLeavesAsterisksArrivalAndSaysWhy() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.ArrivalStamped(T0.plusSeconds(2), T0.plusMillis(2)));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(500)));

        assertThat(tracker.arrivalOf(CALL)).contains(T0);
        assertThat(journal).noneMatch(CallEvent.ArrivalStamped.class::isInstance);
        assertThat(journal).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(CallEvent.ArrivalStampRefused.class,
                refused -> assertThat(refused.why()).contains("after Asterisk created the channel")));
        assertThat(journal).contains(new CallEvent.AnswerMeasured(T0.plusMillis(500),
                new AnswerMeasure(Duration.ofMillis(500), 1, true, false)));
    }

    @Test
    void aCallWithoutAStampArrivesWhenAsteriskCreatedItsChannel() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(250)));

        assertThat(tracker.arrivalOf(CALL)).contains(T0);
        assertThat(journal).noneMatch(event -> event instanceof CallEvent.ArrivalStamped || event instanceof CallEvent.ArrivalStampRefused);
    }

    @Test
    void aCallTheFallbackAnsweredSaysSoWithAsterisksAnswerTimeAndKeepsItsVerdictFromTheFirstRing() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.FallbackAnswering(T0.plusSeconds(5)));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(5_500)));

        assertThat(journal).contains(new CallEvent.AnsweredByFallback(T0.plusMillis(5_500)),
                new CallEvent.AnswerMeasured(T0.plusMillis(5_500), new AnswerMeasure(Duration.ofMillis(5_500), 2, true, false)));
    }

    @Test
    void aFallbackReachedAfterTheServerAnsweredDidNotAnswerTheCall() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusMillis(40)));
        tracker.publish(CALL, new CallEvent.FallbackAnswering(T0.plusSeconds(5)));

        assertThat(journal).noneMatch(e -> e instanceof CallEvent.AnsweredByFallback || e instanceof CallEvent.FallbackAnswering);
    }

    @Test
    void theFlowsLastWordsAfterAsterisksHangUpStillReachTheRecord() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(20)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusMillis(20_010), 16, "Normal Clearing", null));
        tracker.publish(CALL, new CallEvent.Abandoned(T0.plusMillis(20_040), 2));
        tracker.publish(CALL, new CallEvent.FlowEnded(T0.plusMillis(20_050), FlowOutcome.CALLER_HUNG_UP));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(21), 16, "Normal Clearing", null));

        assertThat(journal).contains(new CallEvent.Abandoned(T0.plusSeconds(20), 2),
                new CallEvent.FlowEnded(T0.plusMillis(20_050), FlowOutcome.CALLER_HUNG_UP));
        assertThat(journal).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
    }

    @Test
    void theVerdictDoesNotDependOnWhichSourceSpokeFirst() {
        tracker.publish(CALL, new CallEvent.FlowStarted(T0.plusMillis(5), Language.ZH));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusSeconds(10)));
        tracker.publish(CALL, arrived(T0));

        assertThat(journal).filteredOn(CallEvent.AnswerMeasured.class::isInstance).singleElement()
                .isEqualTo(new CallEvent.AnswerMeasured(T0.plusSeconds(10), new AnswerMeasure(Duration.ofSeconds(10), 4, false, false)));
    }

    @Test
    void eventsOfChannelsThatAreNotHotlineCallsAreIgnored() {
        tracker.publish(new CallId("1700000000.8"), new CallEvent.Answered(T0));
        tracker.publish(new CallId("1700000000.8"), new CallEvent.Ended(T0, 16, "Normal Clearing", null));
        assertThat(journal).isEmpty();
    }

    @Test
    void aCallEndedAfterTheHotlineAskedToHangUpWasEndedByTheHotline() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.HangupRequested(T0.plusSeconds(30)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(30), 16, "Normal Clearing", null));

        assertThat(journal).last().isEqualTo(new CallEvent.Ended(T0.plusSeconds(30), 16, "Normal Clearing", HangupSide.HOTLINE));
        assertThat(tracker.isLive(CALL)).isFalse();
    }

    @Test
    void aCallEndedWithoutTheHotlineAskingWasEndedByTheCaller() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(4), 16, "Normal Clearing", null));
        assertThat(journal).last().isEqualTo(new CallEvent.Ended(T0.plusSeconds(4), 16, "Normal Clearing", HangupSide.CALLER));
    }

    @Test
    void aChannelGoesUpOnceSoARepeatedAnswerIsNotRecordedTwice() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusSeconds(1)));
        tracker.publish(CALL, new CallEvent.Answered(T0.plusSeconds(2)));
        assertThat(journal).filteredOn(CallEvent.Answered.class::isInstance).hasSize(1);
    }

    @Test
    void aCallMissedWhileTheLinkWasDownIsClosedWithAnUnknownSide() {
        tracker.publish(CALL, arrived(T0));
        tracker.lost(CALL, T0.plusSeconds(60));
        assertThat(journal).last().isInstanceOfSatisfying(CallEvent.Ended.class,
                ended -> assertThat(ended.side()).isEqualTo(HangupSide.UNKNOWN));
        assertThat(tracker.liveCalls()).isEmpty();
    }

    @Test
    void theArrivalIsAvailableToTheFlowWhileTheCallIsLive() {
        tracker.publish(CALL, arrived(T0));
        assertThat(tracker.arrivalOf(CALL)).contains(T0);
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(4), 16, "Normal Clearing", null));
        assertThat(tracker.arrivalOf(CALL)).isEmpty();
    }

    // ---- an agent's leg, from Asterisk's dial, bridge and hang-up events

    private static final CallId LEG = new CallId("1700000001.9");

    @Test
    void anOffersRingIsTheAgentLegsDialFromBeginToEndAndTheAnswerIsItsEnd() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.AgentRingStarted(T0.plusSeconds(20), "010", LEG.value()));
        tracker.publish(CALL, new CallEvent.AgentRingEnded(T0.plusMillis(26_431), LEG.value(), "ANSWER"));
        tracker.publish(CALL, new CallEvent.BridgeEntered(T0.plusMillis(26_432)));
        tracker.publish(LEG, new CallEvent.HangupAsked(T0.plusSeconds(90)));
        tracker.publish(CALL, new CallEvent.BridgeLeft(T0.plusMillis(90_001)));

        assertThat(journal).containsSubsequence(
                new CallEvent.Offered(T0.plusSeconds(20), "010"),
                new CallEvent.OfferEnded(T0.plusMillis(26_431), "010", T0.plusSeconds(20), AgentLeg.Outcome.ANSWERED,
                        LEG.value(), "ANSWER"),
                new CallEvent.AgentAnswered(T0.plusMillis(26_431), "010"),
                new CallEvent.ConversationStarted(T0.plusMillis(26_432), "010"),
                new CallEvent.ConversationEnded(T0.plusMillis(90_001), "010", HangupSide.AGENT));
    }

    @Test
    void aRingThatRunsOutIsTheAgentsNoAnswerAndTheNextRingIsAnOfferOfItsOwn() {
        CallId next = new CallId("1700000001.11");
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.AgentRingStarted(T0.plusSeconds(20), "011", LEG.value()));
        tracker.publish(CALL, new CallEvent.AgentRingEnded(T0.plusSeconds(29), LEG.value(), "NOANSWER"));
        tracker.publish(LEG, new CallEvent.Ended(T0.plusSeconds(29), 16, "Normal Clearing", null));
        tracker.publish(CALL, new CallEvent.AgentRingStarted(T0.plusMillis(29_100), "001", next.value()));
        tracker.publish(CALL, new CallEvent.AgentRingEnded(T0.plusMillis(30_600), next.value(), "ANSWER"));

        assertThat(journal).filteredOn(CallEvent.OfferEnded.class::isInstance).containsExactly(
                new CallEvent.OfferEnded(T0.plusSeconds(29), "011", T0.plusSeconds(20), AgentLeg.Outcome.NO_ANSWER,
                        LEG.value(), "NOANSWER"),
                new CallEvent.OfferEnded(T0.plusMillis(30_600), "001", T0.plusMillis(29_100), AgentLeg.Outcome.ANSWERED,
                        next.value(), "ANSWER"));
        assertThat(journal).as("the leg's own hang-up is not the call's").noneMatch(CallEvent.Ended.class::isInstance);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentsPhoneRingsAbandonedAtTheMomentTheyHungUp() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.AgentRingStarted(T0.plusSeconds(20), "010", LEG.value()));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusMillis(23_417)));
        tracker.publish(CALL, new CallEvent.AgentRingEnded(T0.plusMillis(23_418), LEG.value(), "CANCEL"));
        tracker.publish(CALL, new CallEvent.Abandoned(T0.plusMillis(23_490), 1, true)); // the flow noticed later

        assertThat(journal).contains(
                new CallEvent.CallerLeft(T0.plusMillis(23_417)),
                new CallEvent.OfferEnded(T0.plusMillis(23_418), "010", T0.plusSeconds(20), AgentLeg.Outcome.CALLER_ABANDONED,
                        LEG.value(), "CANCEL"),
                new CallEvent.Abandoned(T0.plusMillis(23_417), 1, true));
    }

    @Test
    void anAbandonTheFlowReportsBeforeAsteriskSaysWhenTheCallerHungUpWaitsForAsterisksTime() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.Abandoned(T0.plusMillis(31_040), 3));
        assertThat(journal).noneMatch(CallEvent.Abandoned.class::isInstance);

        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusMillis(31_002)));

        assertThat(journal).contains(new CallEvent.Abandoned(T0.plusMillis(31_002), 3, false));
    }

    @Test
    void aConversationTheCallerEndsWasEndedByTheCaller() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.AgentRingStarted(T0.plusSeconds(20), "010", LEG.value()));
        tracker.publish(CALL, new CallEvent.AgentRingEnded(T0.plusSeconds(21), LEG.value(), "ANSWER"));
        tracker.publish(CALL, new CallEvent.BridgeEntered(T0.plusSeconds(21)));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(50)));
        tracker.publish(CALL, new CallEvent.BridgeLeft(T0.plusMillis(50_001)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusMillis(50_060), 16, "Normal Clearing", null));

        assertThat(journal).contains(new CallEvent.ConversationEnded(T0.plusMillis(50_001), "010", HangupSide.CALLER));
        assertThat(journal).last().isEqualTo(new CallEvent.Ended(T0.plusMillis(50_060), 16, "Normal Clearing", HangupSide.CALLER));
    }

    // ---- calls an earlier run left, and calls cut by Asterisk going away

    private static final String AGENT_LEG = "1700000000.9";

    private AdoptedCall talkingWith010() {
        return new AdoptedCall(T0, T0.plusMillis(200), true, "010", AGENT_LEG, T0.plusSeconds(20), null);
    }

    @Test
    void anAdoptedConversationEndsAtAsterisksBridgeExitWithItsAgentAndWhoHungUp() {
        tracker.adopt(CALL, talkingWith010());
        tracker.adoptionsDone();

        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(70)));
        tracker.publish(CALL, new CallEvent.BridgeLeft(T0.plusSeconds(70).plusMillis(1)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(70).plusMillis(2), 16, "Normal Clearing", null));

        assertThat(journal).containsExactly(
                new CallEvent.CallerLeft(T0.plusSeconds(70)),
                new CallEvent.ConversationEnded(T0.plusSeconds(70).plusMillis(1), "010", HangupSide.CALLER),
                new CallEvent.FlowEnded(T0.plusSeconds(70).plusMillis(2), FlowOutcome.CONNECTED),
                new CallEvent.Ended(T0.plusSeconds(70).plusMillis(2), 16, "Normal Clearing", HangupSide.CALLER));
        assertThat(tracker.isLive(CALL)).isFalse();
    }

    @Test
    void anAdoptedCallTakenBackByTheFlowHasTheFlowsOutcomeAloneAndOneArrival() {
        AdoptedCall heldAtTheMenu = new AdoptedCall(T0, T0.plusMillis(200), true, null, null, null, null);
        tracker.adopt(CALL, heldAtTheMenu);
        tracker.adoptionsDone();

        tracker.publish(CALL, new CallEvent.FlowStarted(T0.plusSeconds(30), Language.ZH));
        tracker.publish(CALL, new CallEvent.TakenBack(T0.plusSeconds(30)));
        tracker.publish(CALL, arrived(T0.plusSeconds(29)));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(40)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(40).plusMillis(1), 16, "Normal Clearing", null));
        tracker.publish(CALL, new CallEvent.FlowEnded(T0.plusSeconds(40).plusMillis(3), FlowOutcome.CALLER_HUNG_UP));

        assertThat(journal).filteredOn(CallEvent.FlowEnded.class::isInstance)
                .containsExactly(new CallEvent.FlowEnded(T0.plusSeconds(40).plusMillis(3), FlowOutcome.CALLER_HUNG_UP));
        assertThat(journal).noneMatch(CallEvent.Arrived.class::isInstance);
        assertThat(journal).filteredOn(CallEvent.Ended.class::isInstance).containsExactly(
                new CallEvent.Ended(T0.plusSeconds(40).plusMillis(1), 16, "Normal Clearing", HangupSide.CALLER));
    }

    @Test
    void anAdoptedCallsAgentHangingUpIsTheirsToo() {
        tracker.adopt(CALL, talkingWith010());
        tracker.publish(new CallId(AGENT_LEG), new CallEvent.HangupAsked(T0.plusSeconds(40)));
        tracker.publish(CALL, new CallEvent.BridgeLeft(T0.plusSeconds(40).plusMillis(1)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(45), 16, "Normal Clearing", null));

        assertThat(journal).contains(new CallEvent.ConversationEnded(T0.plusSeconds(40).plusMillis(1), "010", HangupSide.AGENT));
        assertThat(journal).last().isEqualTo(new CallEvent.Ended(T0.plusSeconds(45), 16, "Normal Clearing", HangupSide.AGENT));
    }

    @Test
    void aCallThatEndsWhileStartUpIsAdoptingItKeepsItsTrueEnd() {
        // Asterisk's events arrive before the start-up has read the record and handed the call over
        tracker.publish(CALL, new CallEvent.BridgeLeft(T0.plusSeconds(30)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(30).plusMillis(1), 16, "Normal Clearing", null));
        assertThat(journal).isEmpty();

        tracker.adopt(CALL, talkingWith010());

        assertThat(journal).contains(new CallEvent.ConversationEnded(T0.plusSeconds(30), "010", HangupSide.UNKNOWN));
        assertThat(journal).last().isInstanceOfSatisfying(CallEvent.Ended.class,
                ended -> assertThat(ended.at()).isEqualTo(T0.plusSeconds(30).plusMillis(1)));
        assertThat(tracker.liveCalls()).isEmpty();
    }

    @Test
    void onceAdoptionsAreDoneEventsOfUnknownChannelsAreNoLongerKept() {
        tracker.adoptionsDone();
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(30), 16, "Normal Clearing", null));
        tracker.adopt(CALL, talkingWith010());
        assertThat(journal).isEmpty();
        assertThat(tracker.isLive(CALL)).isTrue();
    }

    @Test
    void hangUpsAsteriskReportsAsItShutsDownAreItGoingAwayNotTheCallerLeaving() {
        tracker.publish(CALL, arrived(T0));
        tracker.asteriskGoingAway(T0.plusSeconds(50));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(50).plusMillis(3)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(50).plusMillis(4), 0, "Unknown", null));

        assertThat(journal).noneMatch(CallEvent.CallerLeft.class::isInstance);
        assertThat(journal).contains(new CallEvent.FlowEnded(T0.plusSeconds(50).plusMillis(4), FlowOutcome.LOST_WITH_ASTERISK));
        assertThat(journal).last().isEqualTo(new CallEvent.Ended(T0.plusSeconds(50).plusMillis(4), 0, "Unknown", HangupSide.ASTERISK));
    }

    @Test
    void aCallAsteriskLostInACrashIsClosedAsLostWithAsteriskWhenTheLinkDropped() {
        tracker.publish(CALL, arrived(T0));
        tracker.lostWithAsterisk(CALL, T0.plusSeconds(12));

        assertThat(journal).contains(new CallEvent.FlowEnded(T0.plusSeconds(12), FlowOutcome.LOST_WITH_ASTERISK),
                new CallEvent.Settled(T0.plusSeconds(12), Settlement.LOST_WITH_ASTERISK));
        assertThat(journal).last().isInstanceOfSatisfying(CallEvent.Ended.class,
                ended -> assertThat(ended.side()).isEqualTo(HangupSide.ASTERISK));
        assertThat(tracker.liveCalls()).isEmpty();
    }

    @Test
    void hangUpsAsteriskSentJustBeforeAnnouncingItsShutdownAreRecordedAsItGoingAway() {
        tracker.publish(CALL, arrived(T0));
        tracker.publish(CALL, new CallEvent.HangupAsked(T0.plusSeconds(6)));
        tracker.publish(CALL, new CallEvent.Ended(T0.plusSeconds(6).plusMillis(50), 0, "Unknown", null));
        CallId earlier = new CallId("1700000000.3");
        tracker.publish(earlier, new CallEvent.Arrived(T0, "PJSIP/caller-2", earlier.value(), CallerId.UNKNOWN, "10000"));
        tracker.publish(earlier, new CallEvent.Ended(T0.plusSeconds(1), 16, "Normal Clearing", null));
        journal.clear();

        tracker.asteriskGoingAway(T0.plusSeconds(7)); // Asterisk's Shutdown event, after it hung its channels up

        assertThat(journal).containsExactly(
                new CallEvent.FlowEnded(T0.plusSeconds(6).plusMillis(50), FlowOutcome.LOST_WITH_ASTERISK),
                new CallEvent.Settled(T0.plusSeconds(7), Settlement.LOST_WITH_ASTERISK),
                new CallEvent.Ended(T0.plusSeconds(6).plusMillis(50), 0, "Unknown", HangupSide.ASTERISK));
    }
}
