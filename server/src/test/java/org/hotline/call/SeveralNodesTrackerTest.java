package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/** With several Asterisk nodes, each node answers for its own calls only. */
class SeveralNodesTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00.100Z");
    private static final CallId ON_A = new CallId("a-1796570678.1");
    private static final CallId ON_B = new CallId("b-1796570678.1");
    private static final NodeCalls NODE_A = new NodeCalls("a", false);
    private static final NodeCalls NODE_B = new NodeCalls("b", false);

    private final List<Map.Entry<CallId, CallEvent>> journal = new ArrayList<>();
    private final CallTracker tracker = new CallTracker(RingPolicy.handbook(), (id, event) -> journal.add(Map.entry(id, event)));

    private void arrives(CallId id, String node, Instant at) {
        tracker.publish(id, new CallEvent.Arrived(at, "PJSIP/caller-00000001", id.value(), CallerId.UNKNOWN, "10000", node));
        tracker.publish(id, new CallEvent.Answered(at.plusMillis(200)));
    }

    private List<CallEvent> recordOf(CallId id) {
        return journal.stream().filter(entry -> entry.getKey().equals(id)).map(Map.Entry::getValue).toList();
    }

    @Test
    void theTrackerKnowsWhichNodeEachLiveCallIsOn() {
        arrives(ON_A, "a", T0);
        arrives(ON_B, "b", T0);

        assertThat(tracker.liveCalls(NODE_A)).containsExactly(ON_A);
        assertThat(tracker.liveCalls(NODE_B)).containsExactly(ON_B);
    }

    @Test
    void aNodesReconnectClosesOnlyItsOwnCallsItNoLongerHas() {
        arrives(ON_A, "a", T0);
        arrives(ON_B, "b", T0);

        tracker.reconcile(NODE_A, Set.of(), null, T0.plusSeconds(30)); // node A lists no channel: B's call is not A's to close

        assertThat(tracker.liveCalls()).containsExactly(ON_B);
        assertThat(recordOf(ON_A)).last().isEqualTo(
                new CallEvent.Ended(T0.plusSeconds(30), 0, "gone while the AMI link was down", HangupSide.UNKNOWN));
        assertThat(recordOf(ON_B)).noneMatch(CallEvent.Ended.class::isInstance);
    }

    @Test
    void aLostNodesCallsAreLostWithItWhenItsLinkDroppedAndTheOtherNodesCallsCarryOn() {
        arrives(ON_A, "a", T0);
        arrives(ON_B, "b", T0);
        Instant droppedAt = T0.plusSeconds(12);

        tracker.reconcile(NODE_B, Set.of(), droppedAt, T0.plusSeconds(17));

        assertThat(recordOf(ON_B)).contains(new CallEvent.FlowEnded(droppedAt, FlowOutcome.LOST_WITH_ASTERISK),
                new CallEvent.Settled(droppedAt, Settlement.LOST_WITH_ASTERISK));
        assertThat(recordOf(ON_B)).last().isInstanceOfSatisfying(CallEvent.Ended.class, ended -> {
            assertThat(ended.at()).isEqualTo(droppedAt);
            assertThat(ended.side()).isEqualTo(HangupSide.ASTERISK);
        });
        assertThat(tracker.liveCalls()).containsExactly(ON_A);

        tracker.publish(ON_A, new CallEvent.HangupAsked(T0.plusSeconds(40)));
        tracker.publish(ON_A, new CallEvent.Ended(T0.plusSeconds(40), 16, "Normal Clearing", null));
        assertThat(recordOf(ON_A)).last().isEqualTo(new CallEvent.Ended(T0.plusSeconds(40), 16, "Normal Clearing", HangupSide.CALLER));
        assertThat(recordOf(ON_A)).noneMatch(event -> event instanceof CallEvent.Settled);
    }

    @Test
    void aCallerWhoHungUpMomentsBeforeTheirNodeWasKilledHungUpThemselvesAndTheCallsStillUpAreLostWithIt() {
        Instant droppedAt = T0.plusSeconds(12);
        onBACallerHungUpTwoSecondsBefore(droppedAt);

        tracker.nodeLost(NODE_B, droppedAt); // killed: no shutdown announced, the link dropped and stayed down

        assertTheCallerHungUpThemselvesAndTheCallStillUpIsLost(droppedAt);
        assertThat(recordOf(ON_B)).last().isInstanceOfSatisfying(CallEvent.Ended.class, ended -> {
            assertThat(ended.at()).isEqualTo(droppedAt);
            assertThat(ended.side()).isEqualTo(HangupSide.ASTERISK);
        });
        assertThat(tracker.liveCalls()).isEmpty();
    }

    @Test
    void aCallerWhoHungUpMomentsBeforeTheirNodeCrashedHungUpThemselvesWhenTheRestartIsSeenAtTheReconnect() {
        Instant droppedAt = T0.plusSeconds(12);
        onBACallerHungUpTwoSecondsBefore(droppedAt);

        tracker.reconcile(NODE_B, Set.of(), droppedAt, T0.plusSeconds(15)); // restarted without announcing a shutdown

        assertTheCallerHungUpThemselvesAndTheCallStillUpIsLost(droppedAt);
    }

    @Test
    void aCallerHungUpByAnOrderlyStopIsLostWithAsteriskAndTheReconnectChangesNothingMore() {
        CallId cutByStop = new CallId("b-1796570678.2");
        arrives(cutByStop, "b", T0);
        Instant stopAt = T0.plusSeconds(12);
        tracker.publish(cutByStop, new CallEvent.Ended(stopAt.minusMillis(40), 16, "Normal Clearing", null));
        tracker.asteriskGoingAway(NODE_B, stopAt); // the Shutdown event follows the hang-ups it made

        tracker.reconcile(NODE_B, Set.of(), stopAt.plusMillis(5), T0.plusSeconds(20));

        assertThat(recordOf(cutByStop)).containsOnlyOnce(new CallEvent.Settled(stopAt, Settlement.LOST_WITH_ASTERISK));
        assertThat(recordOf(cutByStop)).last().isInstanceOfSatisfying(CallEvent.Ended.class,
                ended -> assertThat(ended.side()).isEqualTo(HangupSide.ASTERISK));
    }

    @Test
    void oneNodesShutdownCutsItsCallsOnlyNotTheCallersOfAnother() {
        arrives(ON_A, "a", T0);
        arrives(ON_B, "b", T0);

        tracker.asteriskGoingAway(NODE_B, T0.plusSeconds(20));
        tracker.publish(ON_A, new CallEvent.HangupAsked(T0.plusSeconds(20).plusMillis(5)));
        tracker.publish(ON_A, new CallEvent.Ended(T0.plusSeconds(20).plusMillis(6), 16, "Normal Clearing", null));

        assertThat(recordOf(ON_A)).last().isInstanceOfSatisfying(CallEvent.Ended.class,
                ended -> assertThat(ended.side()).isEqualTo(HangupSide.CALLER));
        assertThat(recordOf(ON_A)).doesNotContain(new CallEvent.FlowEnded(T0.plusSeconds(20).plusMillis(6), FlowOutcome.LOST_WITH_ASTERISK));
    }

    @Test
    void theOnlyNodeAnswersForEveryCallAlsoOneWhoseNodeNoSourceNamed() {
        CallId unnamed = new CallId("1796570678.9");
        tracker.publish(unnamed, new CallEvent.Arrived(T0, "PJSIP/caller-00000009", null, CallerId.UNKNOWN, null));

        tracker.reconcile(new NodeCalls("main", true), Set.of(), null, T0.plusSeconds(30));

        assertThat(tracker.liveCalls()).isEmpty();
    }

    @Test
    void aCallTakenOverFromAnEarlierRunIsPlacedOnTheNodeItsChannelWasFoundOn() {
        tracker.adopt(ON_B, new AdoptedCall(T0, T0.plusMillis(200), true, null, null, null, null));
        tracker.placeOn(ON_B, "b");

        tracker.reconcile(NODE_A, Set.of(), T0.plusSeconds(5), T0.plusSeconds(9));
        assertThat(tracker.liveCalls()).containsExactly(ON_B);
        tracker.reconcile(NODE_B, Set.of(), T0.plusSeconds(5), T0.plusSeconds(9));
        assertThat(tracker.liveCalls()).isEmpty();
    }

    private static final CallId HUNG_UP_BEFORE = new CallId("b-1796570678.2");

    /** On node b: a caller who hung up 2 s before {@code droppedAt}, and {@link #ON_B} still up. */
    private void onBACallerHungUpTwoSecondsBefore(Instant droppedAt) {
        arrives(HUNG_UP_BEFORE, "b", T0);
        arrives(ON_B, "b", T0);
        tracker.publish(HUNG_UP_BEFORE, new CallEvent.Ended(droppedAt.minusSeconds(2), 16, "Normal Clearing", null));
    }

    private void assertTheCallerHungUpThemselvesAndTheCallStillUpIsLost(Instant droppedAt) {
        assertThat(recordOf(HUNG_UP_BEFORE)).last().isEqualTo(
                new CallEvent.Ended(droppedAt.minusSeconds(2), 16, "Normal Clearing", HangupSide.CALLER));
        assertThat(recordOf(HUNG_UP_BEFORE)).noneMatch(event -> event instanceof CallEvent.Settled);
        assertThat(recordOf(ON_B)).contains(new CallEvent.Settled(droppedAt, Settlement.LOST_WITH_ASTERISK));
    }
}
