package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

class DistributorTest {

    private static final Skill ORDERS = new Skill("orders");
    private static final Skill AFTER_SALES = new Skill("after-sales");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final AgentId ZHAO = new AgentId("012");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final Distributor acd = new Distributor(List.of(
            new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3)),
            new Agent(WANG, "Wang", Tier.SENIOR, Map.of(ORDERS, 3, AFTER_SALES, 5)),
            new Agent(ZHAO, "Zhao", Tier.TEAM_LEAD, Map.of(ORDERS, 1))),
            PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock);

    private void readyWithPhone(AgentId... agents) {
        for (AgentId agent : agents) {
            acd.phoneRegistered(agent, true);
            acd.ready(agent);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private WaitingCall call(String id, Skill skill) {
        WaitingCall call = WaitingCall.ordinary(new CallId(id), skill, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        return call;
    }

    private static Offer offerTo(List<Offer> offers, AgentId agent) {
        return offers.stream().filter(o -> o.agent().equals(agent)).findFirst().orElseThrow();
    }

    @Test
    void aCallGoesOnlyToAnAgentWithItsSkill() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", AFTER_SALES));
        assertThat(acd.dispatch()).isEmpty();

        readyWithPhone(WANG);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> {
            assertThat(offer.agent()).isEqualTo(WANG);
            assertThat(offer.call()).isEqualTo(new CallId("c1"));
        });
        assertThat(acd.status(WANG).state()).isEqualTo(AgentState.OFFERED);
    }

    @Test
    void anAgentMovedToAnotherQueueTakesItsWaitingCallsAndNoLongerTheOldQueues() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", AFTER_SALES));
        assertThat(acd.dispatch()).isEmpty();

        acd.changeSkills(LI, Map.of(AFTER_SALES, 2));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(LI);
        acd.answered(new CallId("c1"));
        acd.callEnded(LI);
        acd.ready(LI);

        acd.enqueue(call("c2", ORDERS));
        assertThat(acd.dispatch()).as("Li no longer takes orders").isEmpty();
        assertThat(acd.status(LI).agent().skills()).containsExactly(Map.entry(AFTER_SALES, 2));
    }

    @Test
    void callersComingBackFromAFailoverAreServedInTheOrderTheyFirstCalledWhateverOrderTheyComeBackIn() {
        WaitingCall first = call("first", ORDERS);
        WaitingCall second = call("second", ORDERS);
        Instant takenOver = clock.instant().plus(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        acd.holdPlace(first, takenOver.plusSeconds(20));
        acd.holdPlace(second, takenOver.plusSeconds(20));
        readyWithPhone(LI);

        acd.enqueue(second); // back first
        assertThat(acd.dispatch()).as("Li waits for the caller ahead, on their way back").isEmpty();
        assertThat(acd.position(second.id())).contains(2);

        acd.enqueue(first);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(first.id());
    }

    @Test
    void aPlaceKeptForACallerWhoDoesNotComeBackLapsesAndTheQueueMovesOn() {
        WaitingCall gone = call("gone", ORDERS);
        WaitingCall back = call("back", ORDERS);
        acd.holdPlace(gone, clock.instant().plusSeconds(20));
        acd.holdPlace(back, clock.instant().plusSeconds(20));
        readyWithPhone(LI);
        acd.enqueue(back);
        assertThat(acd.dispatch()).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(back.id());
        assertThat(acd.waitingCount()).isZero();
    }

    @Test
    void aCallerWhoseKeptPlaceWasLetGoStillComesBackAtTheirFirstPlace() {
        WaitingCall late = call("late", ORDERS);
        acd.holdPlace(late, clock.instant().plusSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        acd.dispatch(); // lapsed
        acd.enqueue(call("newcomer", ORDERS));

        acd.enqueue(late);
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(late.id());
    }

    @Test
    void aRaisedLevelCountsAtTheNextOffer() {
        readyWithPhone(LI, ZHAO); // both take orders; Li at level 3 is preferred
        acd.changeSkills(ZHAO, Map.of(ORDERS, 5));
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(ZHAO);
    }

    @Test
    void skillsOfAnUnknownAgentOrWithImpossibleLevelsAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> acd.changeSkills(new AgentId("999"), Map.of(ORDERS, 3))).isInstanceOf(UnknownAgent.class);
        assertThatThrownBy(() -> acd.changeSkills(LI, Map.of(ORDERS, 6))).isInstanceOf(IllegalArgumentException.class);
        assertThat(acd.status(LI).agent().skills()).containsExactly(Map.entry(ORDERS, 3));
    }

    @Test
    void amongEquallySkilledAgentsTheOneIdleLongestGetsTheCall() {
        readyWithPhone(WANG, LI); // Wang ready first, both level 3 in orders
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(WANG);
    }

    @Test
    void aMoreSkilledAgentIsPreferredToALongerIdleOne() {
        readyWithPhone(ZHAO, LI); // Zhao idle longer but level 1
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(LI);
    }

    @Test
    void aVipWhoJustArrivedGoesAheadOfCallersWhoWaitedLessThanTheVipsHeadStart() {
        acd.enqueue(call("ordinary", ORDERS));
        clock.advance(Duration.ofSeconds(20));
        acd.enqueue(call("vip", ORDERS).asVip(null));
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(new CallId("vip"));
    }

    @Test
    void noCallerStarvesACallerWhoWaitedLongerThanTheHeadStartStillGoesFirst() {
        acd.enqueue(call("ordinary", ORDERS));
        clock.advance(Duration.ofSeconds(90)); // longer than the VIP's 60 s head start
        acd.enqueue(call("vip", ORDERS).asVip(null));
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(new CallId("ordinary"));
    }

    @Test
    void eachQueueShowsHowManyWaitAndSinceWhenTheLongestHasWaitedWhateverTheirPlaceInLine() {
        Instant first = clock.instant();
        acd.enqueue(call("ordinary", ORDERS));
        clock.advance(Duration.ofSeconds(20));
        acd.enqueue(call("vip", ORDERS).asVip(null)); // first in line, but waiting for less time
        acd.enqueue(call("complaint", new Skill("complaints")));

        assertThat(acd.queueLines()).containsExactly(
                new QueueLine(AFTER_SALES, 0, null),
                new QueueLine(new Skill("complaints"), 1, first.plusSeconds(22)),
                new QueueLine(ORDERS, 2, first));

        readyWithPhone(LI);
        acd.dispatch(); // the VIP rings Li's phone: no longer waiting
        assertThat(acd.queueLines()).contains(new QueueLine(ORDERS, 1, first));
    }

    @Test
    void longDistanceCallersGoFirstAmongCallersWhoArrivedTogether() {
        acd.enqueue(call("local", ORDERS));
        acd.enqueue(call("far", ORDERS).fromLongDistance());
        assertThat(acd.position(new CallId("far"))).contains(1);
        assertThat(acd.position(new CallId("local"))).contains(2);
    }

    @Test
    void anUnansweredOfferPausesTheAgentAndTheCallKeepsItsPlaceForTheNextAgent() {
        acd.enqueue(call("first", ORDERS));
        acd.enqueue(call("second", ORDERS));
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(new CallId("first"));

        clock.advance(Duration.ofSeconds(9));
        acd.notAnswered(new CallId("first"));

        assertThat(acd.status(LI).state()).isEqualTo(AgentState.PAUSED);
        assertThat(acd.status(LI).pauseReason()).isEqualTo(PauseReason.RING_NO_ANSWER);
        assertThat(acd.position(new CallId("first"))).contains(1);
        readyWithPhone(WANG);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> {
            assertThat(offer.call()).isEqualTo(new CallId("first"));
            assertThat(offer.agent()).isEqualTo(WANG);
        });
    }

    @Test
    void theVipsDedicatedAdvisorIsOfferedTheCallFirstWhenReady() {
        readyWithPhone(LI, ZHAO, WANG); // Li idle longest, Wang the advisor
        acd.enqueue(call("vip", ORDERS).asVip(WANG));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(WANG);
    }

    @Test
    void whenTheAdvisorIsBusyAVipIsServedByAnyoneRatherThanWait() {
        readyWithPhone(LI);
        acd.enqueue(call("vip", ORDERS).asVip(WANG));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(LI);
    }

    @Test
    void aReturningCustomerWaitsForTheOwnerOfTheirCaseDuringTheOwnerWindowThenAnyoneServes() {
        readyWithPhone(LI);
        acd.enqueue(call("returning", ORDERS).ownedBy(WANG));
        acd.enqueue(call("other", ORDERS));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::call).isEqualTo(new CallId("other"));

        readyWithPhone(WANG);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> {
            assertThat(offer.call()).isEqualTo(new CallId("returning"));
            assertThat(offer.agent()).isEqualTo(WANG);
        });
    }

    @Test
    void afterTheOwnerWindowTheReturningCustomerGoesToAnyone() {
        acd.enqueue(call("returning", ORDERS).ownedBy(WANG));
        clock.advance(PriorityRules.standard().ownerWindow());
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(LI);
    }

    @Test
    void aCallbackRequestKeepsTheCallersPlaceAndReservesTheAgentBeforeTheCustomerIsDialled() {
        acd.enqueue(call("caller-a", ORDERS).asCallback());
        acd.enqueue(call("caller-b", ORDERS));
        assertThat(acd.position(new CallId("caller-a"))).contains(1);

        readyWithPhone(LI);
        Offer offer = acd.dispatch().getFirst();
        assertThat(offer.call()).isEqualTo(new CallId("caller-a"));
        assertThat(offer.callback()).isTrue();
        assertThat(acd.status(LI).state()).as("the agent is reserved").isEqualTo(AgentState.OFFERED);
    }

    @Test
    void aPhoneThatIsNotRegisteredOrIsBusyIsNeverOffered() {
        acd.ready(LI); // phone never seen registered
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).isEmpty();

        acd.phoneRegistered(LI, true);
        acd.phoneBusy(LI, true);
        assertThat(acd.dispatch()).isEmpty();

        acd.phoneBusy(LI, false);
        assertThat(acd.dispatch()).hasSize(1);
    }

    @Test
    void eachAvailableAgentGetsOneCallAtATime() {
        readyWithPhone(LI, WANG, ZHAO);
        acd.enqueue(call("c1", ORDERS));
        acd.enqueue(call("c2", ORDERS));
        List<Offer> offers = acd.dispatch();
        assertThat(offers).extracting(Offer::agent).containsExactlyInAnyOrder(LI, WANG);
        assertThat(offerTo(offers, LI).call()).isEqualTo(new CallId("c1"));
        assertThat(acd.dispatch()).isEmpty();
    }

    @Test
    void anAnsweredCallThenWrapUpThenReadyAgain() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", ORDERS));
        acd.dispatch();
        acd.answered(new CallId("c1"));
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.ON_CALL);

        acd.callEnded(LI);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.WRAP_UP);
        clock.advance(Duration.ofSeconds(29));
        acd.endWrapUps(Duration.ofSeconds(30));
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.WRAP_UP);
        clock.advance(Duration.ofSeconds(1));
        acd.endWrapUps(Duration.ofSeconds(30));
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void aPauseAskedForDuringACallStartsWhenTheCallEnds() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", ORDERS));
        acd.dispatch();
        acd.answered(new CallId("c1"));
        acd.pause(LI, PauseReason.BREAK);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.ON_CALL);
        acd.callEnded(LI);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.PAUSED);
        assertThat(acd.status(LI).pauseReason()).isEqualTo(PauseReason.BREAK);
    }

    @Test
    void aCallerWhoHangsUpLeavesTheQueueAndARingingAgentIsFreedAgain() {
        acd.enqueue(call("gone", ORDERS));
        acd.enqueue(call("stays", ORDERS));
        assertThat(acd.abandon(new CallId("gone"))).isTrue();
        assertThat(acd.position(new CallId("stays"))).contains(1);

        readyWithPhone(LI);
        acd.dispatch();
        assertThat(acd.abandon(new CallId("stays"))).isTrue();
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.READY);
        assertThat(acd.abandon(new CallId("never-queued"))).isFalse();
    }

    @Test
    void unknownAgentsAndImpossibleChangesAreRefused() {
        assertThatThrownBy(() -> acd.ready(new AgentId("999"))).isInstanceOf(UnknownAgent.class);
        readyWithPhone(LI);
        acd.enqueue(call("c1", ORDERS));
        acd.dispatch();
        assertThatThrownBy(() -> acd.logOut(LI)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> acd.answered(new CallId("c9"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAgentDefinedTwiceIsRejected() {
        Agent li = new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3));
        assertThatThrownBy(() -> new Distributor(List.of(li, li), PriorityRules.standard(),
                AgentSelection.mostSkilledThenLongestIdle(), clock)).hasMessageContaining("010");
    }

    @Test
    void aCallerWhoAsksForACallbackKeepsTheirPlaceAheadOfLaterCallers() {
        acd.enqueue(call("first", ORDERS));
        acd.enqueue(call("second", ORDERS));

        WaitingCall kept = acd.keepPlaceForCallback(new CallId("first"));

        assertThat(kept.callback()).isTrue();
        assertThat(acd.position(new CallId("first"))).contains(1);
        readyWithPhone(LI);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> {
            assertThat(offer.call()).isEqualTo(new CallId("first"));
            assertThat(offer.callback()).as("agent first: the agent is reserved, then the customer dialled").isTrue();
        });
    }

    @Test
    void anOfferWithdrawnBecauseTheCallerChoseACallbackDoesNotPauseTheAgent() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).hasSize(1);

        acd.keepPlaceForCallback(new CallId("c1"));

        // the agent is free again and gets the very same request as a callback
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> assertThat(offer.callback()).isTrue());
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.OFFERED);
    }

    @Test
    void aCallbackWhoseAgentDidNotAnswerGoesBackToItsPlaceForTheNextAgent() {
        readyWithPhone(LI, WANG);
        acd.enqueue(call("c1", ORDERS).asCallback());
        Offer first = acd.dispatch().get(0);

        acd.notAnswered(first.call());
        acd.enqueue(call("c2", ORDERS));

        assertThat(acd.status(first.agent()).pauseReason()).isEqualTo(PauseReason.RING_NO_ANSWER);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> {
            assertThat(offer.call()).isEqualTo(new CallId("c1"));
            assertThat(offer.agent()).isNotEqualTo(first.agent());
        });
    }

    @Test
    void agentsAtWorkCountsLoggedInAgentsOfTheQueueWhateverTheirState() {
        readyWithPhone(LI, WANG);
        acd.pause(WANG, PauseReason.BREAK);
        assertThat(acd.agentsAtWork(ORDERS)).isEqualTo(2);
        assertThat(acd.agentsAtWork(AFTER_SALES)).isEqualTo(1);
    }

    private static Reservation forContact(String contact, AgentId preferred, AgentId avoid, boolean inboundFirst) {
        return new Reservation(contact, ORDERS, preferred, avoid, inboundFirst);
    }

    // ------------------------------------------------------------------ reservations (campaign contacts, outside the queues)

    @Test
    void theCaseOwnerIsReservedFirstWhenReadyEvenIfOthersAreMoreSkilled() {
        readyWithPhone(WANG, LI);

        assertThat(acd.reserve(forContact("c1", LI, null, true))).contains(LI);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.OFFERED);
        assertThat(acd.reservedFor(LI)).contains("c1");
    }

    @Test
    void withoutTheCaseOwnerTheBestAvailableAgentIsReserved() {
        readyWithPhone(ZHAO, WANG);

        assertThat(acd.reserve(forContact("c1", LI, null, true))).contains(WANG);
    }

    @Test
    void theAgentTheCustomerWasDifficultWithIsNeverReserved() {
        readyWithPhone(WANG, LI);

        assertThat(acd.reserve(forContact("c1", WANG, WANG, true))).contains(LI);
        assertThat(acd.reserve(forContact("c2", null, ZHAO, true))).contains(WANG);
    }

    @Test
    void onlyTheAvoidedAgentReadyMeansNobodyIsReserved() {
        readyWithPhone(WANG);

        assertThat(acd.reserve(forContact("c1", null, WANG, true))).isEmpty();
        assertThat(acd.status(WANG).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void anAgentWithoutTheCampaignsSkillIsNotReserved() {
        readyWithPhone(WANG);

        assertThat(acd.reserve(new Reservation("c1", new Skill("complaints"), null, null, true))).isEmpty();
    }

    @Test
    void inboundFirstLeavesAnAgentForACallerWaitingInTheirQueue() {
        // Zhao's case-owner call is held for him, so only he could take it now.
        readyWithPhone(ZHAO);
        acd.enqueue(WaitingCall.ordinary(new CallId("in-1"), ORDERS, clock.instant()).ownedBy(ZHAO));

        assertThat(acd.reserve(forContact("c1", null, null, true))).isEmpty();
        assertThat(acd.reserve(forContact("c1", null, null, false))).contains(ZHAO);
    }

    @Test
    void inboundFirstIgnoresCallsTheAgentCouldNotTake() {
        readyWithPhone(LI);
        acd.enqueue(WaitingCall.ordinary(new CallId("in-1"), AFTER_SALES, clock.instant()));

        assertThat(acd.reserve(forContact("c1", null, null, true))).contains(LI);
    }

    @Test
    void aReservedAgentIsNotOfferedInboundCalls() {
        readyWithPhone(LI);
        acd.reserve(forContact("c1", null, null, false));
        acd.enqueue(WaitingCall.ordinary(new CallId("in-1"), ORDERS, clock.instant()));

        assertThat(acd.dispatch()).isEmpty();
        assertThat(acd.position(new CallId("in-1"))).contains(1);
    }

    @Test
    void nothingIsQueuedWhenNobodyCanBeReserved() {
        assertThat(acd.reserve(forContact("c1", null, null, true))).isEmpty();
        readyWithPhone(LI);

        assertThat(acd.dispatch()).isEmpty();
        assertThat(acd.waitingCount()).isZero();
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theReservedAgentWhoAnswersIsOnTheCallThenWrapsUp() {
        readyWithPhone(LI);
        acd.reserve(forContact("c1", null, null, true));

        acd.reservationAnswered(LI, "c1");
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.ON_CALL);
        acd.callEnded(LI);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(acd.reservedFor(LI)).isEmpty();
    }

    @Test
    void aReservedAgentWhoDoesNotAnswerIsPausedAndNothingWaitsInAQueue() {
        readyWithPhone(LI);
        acd.reserve(forContact("c1", null, null, true));

        acd.reservationNotAnswered(LI, "c1");

        assertThat(acd.status(LI).state()).isEqualTo(AgentState.PAUSED);
        assertThat(acd.status(LI).pauseReason()).isEqualTo(PauseReason.RING_NO_ANSWER);
        assertThat(acd.waitingCount()).isZero();
    }

    @Test
    void aWithdrawnReservationMakesTheAgentReadyWithoutBlameAndKeepsTheirIdleTime() {
        readyWithPhone(LI, WANG); // equally skilled; Li idle longer
        acd.reserve(forContact("c1", LI, null, true));
        clock.advance(Duration.ofSeconds(30));

        acd.releaseReservation(LI, "c1");

        assertThat(acd.status(LI).state()).isEqualTo(AgentState.READY);
        assertThat(acd.status(LI).pauseReason()).isNull();
        acd.enqueue(call("in-1", ORDERS));
        assertThat(acd.dispatch()).singleElement().extracting(Offer::agent).isEqualTo(LI);
    }

    @Test
    void aStaleReportForAnotherContactIsRefused() {
        readyWithPhone(LI);
        acd.reserve(forContact("c1", null, null, true));

        assertThatThrownBy(() -> acd.reservationAnswered(LI, "c2")).isInstanceOf(IllegalStateException.class);
        assertThat(acd.status(LI).state()).isEqualTo(AgentState.OFFERED);
    }

    @Test
    void anAgentAddedFromTheConsoleSitsLoggedOutAndIsOfferedCallsOnlyOnceTheirPhoneIsSeenAndTheyAreReady() {
        AgentId qian = new AgentId("020");
        acd.seat(new Agent(qian, "Qian", Tier.FRONT_LINE, Map.of(new Skill("complaints"), 4)));
        acd.enqueue(call("c1", new Skill("complaints")));
        assertThat(acd.status(qian).state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(acd.dispatch()).isEmpty();

        readyWithPhone(qian);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> assertThat(offer.agent()).isEqualTo(qian));
        assertThatThrownBy(() -> acd.seat(new Agent(qian, "Qian", Tier.FRONT_LINE, Map.of(ORDERS, 1))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAgentLeavesTheFloorOnlyLoggedOutAndIsNeverOfferedACallAfter() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", ORDERS));
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> assertThat(offer.agent()).isEqualTo(LI));
        assertThatThrownBy(() -> acd.unseat(LI)).isInstanceOf(IllegalStateException.class);
        acd.notAnswered(new CallId("c1"));
        acd.logOut(LI);

        acd.unseat(LI);
        assertThat(acd.statuses()).extracting(status -> status.agent().id()).containsExactly(WANG, ZHAO);
        assertThatThrownBy(() -> acd.status(LI)).isInstanceOf(UnknownAgent.class);
        readyWithPhone(WANG);
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> assertThat(offer.agent()).isEqualTo(WANG));
    }

    @Test
    void anAgentChangedFromTheConsoleIsOfferedCallsOfTheirNewQueuesFromTheNextOffer() {
        readyWithPhone(LI);
        acd.enqueue(call("c1", AFTER_SALES));
        assertThat(acd.dispatch()).isEmpty();

        acd.changeAgent(new Agent(LI, "Li Ming", Tier.SENIOR, Map.of(AFTER_SALES, 2)));
        assertThat(acd.dispatch()).singleElement().satisfies(offer -> assertThat(offer.agent()).isEqualTo(LI));
        assertThat(acd.status(LI).agent().name()).isEqualTo("Li Ming");
    }
}
