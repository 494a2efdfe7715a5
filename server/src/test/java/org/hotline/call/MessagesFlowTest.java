package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.routing.TestClock;
import org.junit.jupiter.api.Test;

/** Nobody can take the call: after hours, nobody at work for the queue, the longest wait. The caller leaves a message. */
class MessagesFlowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final CallId ID = new CallId("1700000000.7");
    private static final ServiceHours ALWAYS_OPEN = ServiceHours.everyDay(ZoneOffset.UTC,
            new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
    private static final ServiceHours NEVER_OPEN = ServiceHours.everyDay(ZoneOffset.UTC,
            new ServiceHours.Hours(LocalTime.of(3, 0), LocalTime.of(4, 0)));

    private final List<CallEvent> events = new ArrayList<>();
    private final FakeQueue queue = new FakeQueue();
    private final FakeMessageBox box = new FakeMessageBox();

    @Test
    void afterHoursACallerWhoDoesNotAskForACallbackLeavesAMessageThatBecomesACallbackTaskWithItsAudio() {
        box.recorded.put(ID, Duration.ofMillis(4200));
        FakeLine line = new FakeLine().hangsUpAfterTheMessage();

        FlowOutcome outcome = flow(NEVER_OPEN, Clock.fixed(NOW, ZoneOffset.UTC), WaitRules.standard()).handle(call("13600136000"), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(line.heard).containsSubsequence("after-hours", "after-hours-offer", "message-offer",
                "(tone, recording 1700000000.7)");
        assertThat(queue.told).containsExactly("callback agent 13600136000 with message 1700000000.7.wav PT4.2S");
        assertThat(events).contains(new CallEvent.MessageLeft(NOW, "1700000000.7.wav", Duration.ofMillis(4200)));
        assertThat(events).filteredOn(CallEvent.CallbackRequested.class::isInstance).singleElement()
                .satisfies(requested -> assertThat(((CallEvent.CallbackRequested) requested).deadline())
                        .as("due as any callback").isEqualTo(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void aCallerWhoHangsUpAtTheToneIsStillCalledBackMarkedWithoutAudio() {
        box.recorded.put(ID, Duration.ofMillis(300));
        FakeLine line = new FakeLine().hangsUpAfterTheMessage();

        FlowOutcome outcome = flow(NEVER_OPEN, Clock.fixed(NOW, ZoneOffset.UTC), WaitRules.standard()).handle(call("13600136000"), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(queue.told).containsExactly("callback agent 13600136000 with message without audio");
        assertThat(box.discarded).as("nothing to hear is not kept").containsExactly(ID);
        assertThat(events).contains(new CallEvent.MessageLeft(NOW, null, Duration.ZERO));
    }

    @Test
    void aCallerWhoStaysSilentOnTheLineHasLeftNothingAndIsClosedPolitely() {
        FakeLine line = new FakeLine();

        FlowOutcome outcome = flow(NEVER_OPEN, Clock.fixed(NOW, ZoneOffset.UTC), WaitRules.standard()).handle(call("13600136000"), line);

        assertThat(outcome).isEqualTo(FlowOutcome.AFTER_HOURS);
        assertThat(line.heard).containsSubsequence("message-offer", "(tone, recording 1700000000.7)", "closing", "(hang up)");
        assertThat(queue.told).isEmpty();
    }

    @Test
    void aCallerWhoseNumberCannotBeCalledBackIsNotAskedForAMessage() {
        FakeLine line = new FakeLine();

        flow(NEVER_OPEN, Clock.fixed(NOW, ZoneOffset.UTC), WaitRules.standard()).handle(call(null), line);

        assertThat(line.heard).doesNotContain("message-offer");
    }

    @Test
    void whenNobodyIsAtWorkForTheQueueChosenTheCallerLeavesAMessageForThatQueue() {
        box.recorded.put(ID, Duration.ofSeconds(9));
        FakeLine line = new FakeLine().presses('1');

        FlowOutcome outcome = flow(ALWAYS_OPEN, Clock.fixed(NOW, ZoneOffset.UTC), WaitRules.standard()).handle(call("13600136000"), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(line.heard).containsSubsequence("menu", "message-offer", "(tone, recording 1700000000.7)",
                "callback-booked", "closing").doesNotContain("choice-recorded");
        assertThat(queue.told).containsExactly("callback orders 13600136000 with message 1700000000.7.wav PT9S");
    }

    @Test
    void afterTheLongestWaitACallerWhoDoesNotPressOneLeavesAMessage() {
        queue.staffedWith();
        box.recorded.put(ID, Duration.ofSeconds(5));
        TestClock clock = new TestClock(NOW);
        FakeLine line = new FakeLine().presses('1').holdsOn(clock).hangsUpAfterTheMessage();

        FlowOutcome outcome = flow(ALWAYS_OPEN, clock, WaitRules.standard()).handle(call("13600136000"), line);

        assertThat(outcome).isEqualTo(FlowOutcome.CALLBACK_REQUESTED);
        assertThat(line.heard).containsSubsequence("max-wait-offer", "message-offer", "(tone, recording 1700000000.7)");
        assertThat(queue.told).contains("callback orders 13600136000 with message 1700000000.7.wav PT5S");
    }

    @Test
    void withoutMessagesTheFlowIsAsBefore() {
        FakeLine line = new FakeLine().presses('2');

        new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(), Reception.none(), ALWAYS_OPEN,
                Clock.fixed(NOW, ZoneOffset.UTC), at -> { }, (id, event) -> events.add(event), Messages.none())
                .handle(call("13600136000"), line);

        assertThat(line.heard).containsExactly("(answer)", "greeting", "menu", "choice-recorded", "closing", "(hang up)");
    }

    private InboundFlow flow(OpeningHours hours, Clock clock, WaitRules waiting) {
        return new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, waiting, Reception.none(), hours, clock,
                at -> { }, (id, event) -> events.add(event), new Messages(MessageRules.standard(), box));
    }

    private static InboundCall call(String number) {
        return new InboundCall(ID, "PJSIP/caller-1", CallerId.presented(number, null), NOW, Language.ZH);
    }
}
