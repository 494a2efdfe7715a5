package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.call.CallEvent;
import org.hotline.call.TransferStep;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/**
 * Asterisk's transfer events become the steps of the caller's call, each at Asterisk's own time:
 * the consultation's leg rung, answered and ended, the transfer or the conference, a blind transfer.
 */
class TransferEventsTest {

    private static final String CALL = "1763773200.42";
    private static final String CONSULT_LEG = "Local/011@hotline-transfer-0000000a;2";
    private static final String FIRST_AGENT = "PJSIP/agent-010-0000002a";
    private static final double T0 = 1763773260.25;

    private final TransferEvents events = new TransferEvents(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void aConsultationThatEndsInATransferIsRecordedStepByStep() {
        assertThat(step(dialBegin(T0))).contains(new CallEvent.TransferStepped(at(T0), TransferStep.CONSULT_STARTED, null, "011", null));
        assertThat(step(dialEnd(T0 + 3, "ANSWER")))
                .contains(new CallEvent.TransferStepped(at(T0 + 3), TransferStep.CONSULT_ANSWERED, null, "011", null));
        assertThat(step(attended(T0 + 20, "Bridge")))
                .contains(new CallEvent.TransferStepped(at(T0 + 20), TransferStep.TRANSFERRED, "010", "011", null));
        assertThat(events.translate(hangup(T0 + 20.1))).as("the consultation's leg going away after the transfer").isEmpty();
    }

    @Test
    void aConsultationTurnedIntoAConferenceIsRecordedAsSuch() {
        events.translate(dialBegin(T0));
        events.translate(dialEnd(T0 + 3, "ANSWER"));

        assertThat(step(attended(T0 + 9, "Threeway")))
                .contains(new CallEvent.TransferStepped(at(T0 + 9), TransferStep.CONFERENCE, "010", "011", null));
    }

    @Test
    void anAgentHangingUpInAConferenceLeavesIt() {
        events.translate(dialBegin(T0));
        events.translate(attended(T0 + 9, "Threeway"));

        assertThat(step(agentHangsUp(FIRST_AGENT, T0 + 30)))
                .contains(new CallEvent.TransferStepped(at(T0 + 30), TransferStep.LEFT_CONFERENCE, "010", null, null));
        HangupEvent caller = new HangupEvent(this);
        caller.setUniqueId(CALL);
        caller.setChannel("PJSIP/caller-00000001");
        assertThat(events.translate(caller)).as("the caller's own hang-up ends the conference").isEmpty();
        assertThat(events.translate(agentHangsUp("PJSIP/agent-011-0000002c", T0 + 40))).isEmpty();
    }

    @Test
    void anAnsweredConsultationThatGoesAwayWithoutATransferWasCancelled() {
        events.translate(dialBegin(T0));
        events.translate(dialEnd(T0 + 3, "ANSWER"));

        assertThat(step(hangup(T0 + 12))).contains(new CallEvent.TransferStepped(at(T0 + 12), TransferStep.CANCELLED, null, "011", null));
    }

    @Test
    void aConsultationTheColleagueDoesNotAnswerEndsWithItsDialStatus() {
        events.translate(dialBegin(T0));

        assertThat(step(dialEnd(T0 + 30, "NOANSWER")))
                .contains(new CallEvent.TransferStepped(at(T0 + 30), TransferStep.CONSULT_ENDED, null, "011", "NOANSWER"));
        assertThat(events.translate(hangup(T0 + 30.1))).isEmpty();
    }

    @Test
    void aBlindTransferNamesItsTargetAsDialled() {
        BlindTransferEvent blind = new BlindTransferEvent(this);
        blind.setTimestamp(T0);
        blind.setTransfereeLinkedId(CALL);
        blind.setTransfererChannel(FIRST_AGENT);
        blind.setExtension("q-after-sales");
        blind.setResult("Success");

        assertThat(step(blind)).contains(new CallEvent.TransferStepped(at(T0), TransferStep.BLIND, "010", "q-after-sales", null));
    }

    @Test
    void aTransferAsteriskCouldNotMakeIsRecordedWithItsResult() {
        events.translate(dialBegin(T0));
        AttendedTransferEvent failed = attended(T0 + 5, "Fail");
        failed.setResult("Fail");

        assertThat(step(failed)).contains(new CallEvent.TransferStepped(at(T0 + 5), TransferStep.FAILED, "010", "011", "Fail"));
    }

    @Test
    void dialsOutsideConsultationsAreNotTransferSteps() {
        DialBeginEvent agentLeg = new DialBeginEvent(this);
        agentLeg.setChannel("PJSIP/caller-00000001");
        agentLeg.setLinkedId(CALL);
        agentLeg.setDestChannel(FIRST_AGENT);

        assertThat(events.translate(agentLeg)).isEmpty();
    }

    private Optional<CallEvent> step(ManagerEvent event) {
        Optional<AmiEventTranslator.Translated> translated = events.translate(event);
        translated.ifPresent(t -> assertThat(t.id()).isEqualTo(new CallId(CALL)));
        return translated.map(AmiEventTranslator.Translated::event);
    }

    private DialBeginEvent dialBegin(double at) {
        DialBeginEvent dial = consultLeg(new DialBeginEvent(this), at);
        dial.setLinkedId(CALL);
        return dial;
    }

    private DialEndEvent dialEnd(double at, String status) {
        DialEndEvent dial = consultLeg(new DialEndEvent(this), at);
        dial.setLinkedId(CALL);
        dial.setDialStatus(status);
        return dial;
    }

    /** The consultation's leg dialling agent 011's phone. */
    private static <T extends org.asteriskjava.manager.event.DialEvent> T consultLeg(T dial, double at) {
        dial.setTimestamp(at);
        dial.setChannel(CONSULT_LEG);
        dial.setDestChannel("PJSIP/agent-011-0000002c");
        return dial;
    }

    private HangupEvent hangup(double at) {
        HangupEvent hangup = new HangupEvent(this);
        hangup.setTimestamp(at);
        hangup.setChannel(CONSULT_LEG);
        return hangup;
    }

    private HangupEvent agentHangsUp(String channel, double at) {
        HangupEvent hangup = hangup(at);
        hangup.setChannel(channel);
        hangup.setUniqueId("1763773200.50");
        hangup.setLinkedId(CALL);
        return hangup;
    }

    private AttendedTransferEvent attended(double at, String destType) {
        AttendedTransferEvent transfer = new AttendedTransferEvent(this);
        transfer.setTimestamp(at);
        transfer.setOrigTransfererLinkedId(CALL);
        transfer.setOrigTransfererChannel(FIRST_AGENT);
        transfer.setDestType(destType);
        transfer.setResult("Success");
        return transfer;
    }

    private static Instant at(double seconds) {
        return AmiEventTranslator.timeOf(new HangupEvent(TransferEventsTest.class) {
            {
                setTimestamp(seconds);
            }
        }, Clock.systemUTC());
    }
}
