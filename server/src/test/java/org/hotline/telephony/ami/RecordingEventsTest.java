package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/**
 * Asterisk's MixMonitor events on an agent's leg become the recording's steps on the call the leg
 * belongs to (its linked caller), at Asterisk's own time; anything else recorded is not a call's.
 */
class RecordingEventsTest {

    private static final CallId CALLER = new CallId("1796601499.0");
    private final AmiEventTranslator translator = new AmiEventTranslator("hotline",
            Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void theAgentsLegStartingToRecordIsTheCallsRecordingInTheCallsOwnFile() {
        MixMonitorStartEvent started = new MixMonitorStartEvent(this);
        onAgentsLeg(started);

        assertThat(translator.translate(started)).hasValueSatisfying(translated -> {
            assertThat(translated.id()).isEqualTo(CALLER);
            assertThat(translated.event()).isEqualTo(new CallEvent.RecordingStarted(
                    Instant.ofEpochSecond(1796601510, 250_000_000), "1796601499.0.wav"));
        });
    }

    @Test
    void aMuteIsAPauseAndAnUnmuteAResumeAndTheStopTheEnd() {
        MixMonitorMuteEvent muted = mute("1");
        MixMonitorMuteEvent unmuted = mute("0");
        MixMonitorStopEvent stopped = new MixMonitorStopEvent(this);
        onAgentsLeg(stopped);

        assertThat(translator.translate(muted).orElseThrow().event()).isInstanceOf(CallEvent.RecordingPaused.class);
        assertThat(translator.translate(unmuted).orElseThrow().event()).isInstanceOf(CallEvent.RecordingResumed.class);
        assertThat(translator.translate(stopped).orElseThrow().event())
                .isEqualTo(new CallEvent.RecordingEnded(Instant.ofEpochSecond(1796601510, 250_000_000)));
    }

    @Test
    void aRecordingOfAnythingButAnAgentsLegIsNoCallsRecording() {
        MixMonitorStartEvent callersOwn = new MixMonitorStartEvent(this);
        onAgentsLeg(callersOwn);
        callersOwn.setChannel("PJSIP/caller-00000001");
        MixMonitorStartEvent unlinked = new MixMonitorStartEvent(this);
        onAgentsLeg(unlinked);
        unlinked.setLinkedId(unlinked.getUniqueId()); // a channel of its own, dialled by nobody

        assertThat(translator.translate(callersOwn)).isEmpty();
        assertThat(translator.translate(unlinked)).isEmpty();
    }

    private static void onAgentsLeg(org.asteriskjava.manager.event.AbstractMixMonitorEvent event) {
        event.setChannel("PJSIP/agent-010-00000003");
        event.setUniqueId("1796601499.3");
        event.setLinkedId(CALLER.value());
        event.setTimestamp(1796601510.25);
    }

    private MixMonitorMuteEvent mute(String state) {
        MixMonitorMuteEvent event = new MixMonitorMuteEvent(this);
        event.setChannel("PJSIP/agent-010-00000003");
        event.setUniqueId("1796601499.3");
        event.setLinkedId(CALLER.value());
        event.setDirection("both");
        event.setState(state);
        event.setTimestamp(1796601512.5);
        return event;
    }
}
