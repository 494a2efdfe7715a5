package org.hotline.call;

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
}
