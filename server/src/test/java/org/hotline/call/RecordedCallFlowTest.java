package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.cases.CallerRecognition;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.junit.jupiter.api.Test;

/**
 * A queue that records tells the caller first where it announces, then the conversation with
 * whichever agent answers is recorded into the call's own file; a queue that does not, neither.
 */
class RecordedCallFlowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final CallId ID = new CallId("1700000000.1");
    private static final ServiceHours ALWAYS_OPEN = ServiceHours.everyDay(ZoneOffset.UTC,
            new ServiceHours.Hours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT));
    /** Menu key 1 is orders (announced), 2 after-sales (recorded, not told), 3 complaints (off). */
    private static final RecordingRules RULES = new RecordingRules(RecordingMode.OFF, RecordingRetention.standard(),
            Map.of("orders", RecordingMode.ANNOUNCE, "after-sales", RecordingMode.ON), Map.of(), false);

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<CallEvent> events = new ArrayList<>();
    private final FakeQueue queue = new FakeQueue().staffedWith("010");

    @Test
    void anAnnouncingQueueTellsTheCallerBeforeTheyWaitAndRecordsTheConversation() {
        FakeLine line = callsAndPresses('1');

        assertThat(line.recordedAs).isEqualTo(ID);
        assertThat(line.heard).containsSubsequence("menu", "recording-notice", "(recording " + ID + ")",
                "(talk with 010)");
        assertThat(line.heard.indexOf("recording-notice")).as("told before the agent is rung")
                .isLessThan(line.heard.indexOf("(talk with 010)"));
    }

    @Test
    void aQueueRecordingWithoutNoticeRecordsAndSaysNothing() {
        FakeLine line = callsAndPresses('2');

        assertThat(line.recordedAs).isEqualTo(ID);
        assertThat(line.heard).doesNotContain("recording-notice");
    }

    @Test
    void aQueueNotRecordedIsNeitherToldNorRecorded() {
        FakeLine line = callsAndPresses('3');

        assertThat(line.recordedAs).isNull();
        assertThat(line.heard).doesNotContain("recording-notice").contains("(talk with 010)");
    }

    @Test
    void aCallerBackInTheQueueAtTheirPlaceIsRecordedAgainWithoutASecondNotice() {
        FakeLine line = new FakeLine().waitedIn(new KeptPlace(new org.hotline.shared.Skill("orders"), NOW.minusSeconds(40), false, false))
                .agentsAnswer(AgentLeg.Outcome.ANSWERED);

        flow().takeBack(new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("13800138000", null), NOW.minusSeconds(60),
                Language.ZH), line);

        assertThat(line.recordedAs).isEqualTo(ID);
        assertThat(line.heard).doesNotContain("recording-notice").contains("(talk with 010)");
    }

    @Test
    void aCallerTransferredToAColleagueIsRecordedOnWithoutASecondNotice() {
        FakeLine line = callsAndPresses('1');
        queue.staffedWith("011");
        FakeLine afterTransfer = new FakeLine().agentsAnswer(AgentLeg.Outcome.ANSWERED);

        flow().transferred(new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("13800138000", null), NOW, Language.ZH),
                afterTransfer, new org.hotline.shared.AgentId("011"), "010");

        assertThat(line.heard).containsOnlyOnce("recording-notice");
        assertThat(afterTransfer.recordedAs).as("the colleague's conversation goes into the call's file").isEqualTo(ID);
        assertThat(afterTransfer.heard).doesNotContain("recording-notice").contains("(talk with 011)");
    }

    private InboundFlow flow() {
        Reception reception = new Reception(CallerRecognition.none(), AgentDesk.none(), RULES);
        return new InboundFlow(RingPolicy.handbook(), IvrMenu.standard(), queue, WaitRules.standard(),
                reception, ALWAYS_OPEN, clock, instant -> { }, (id, event) -> events.add(event));
    }

    private FakeLine callsAndPresses(char key) {
        FakeLine line = new FakeLine().presses(key).agentsAnswer(AgentLeg.Outcome.ANSWERED);
        flow().handle(new InboundCall(ID, "PJSIP/caller-1", CallerId.presented("13800138000", null), NOW, Language.ZH), line);
        return line;
    }
}
