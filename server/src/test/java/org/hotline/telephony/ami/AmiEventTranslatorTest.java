package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

class AmiEventTranslatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private final AmiEventTranslator translator = new AmiEventTranslator("hotline", Clock.fixed(NOW, ZoneOffset.UTC));

    private static NewChannelEvent newChannel(String channel, String context, String number, String name) {
        NewChannelEvent event = new NewChannelEvent(new Object());
        event.setChannel(channel);
        event.setUniqueId("1763773200.42");
        event.setLinkedid("1763773200.42");
        event.setContext(context);
        event.setExten("10000");
        event.setCallerIdNum(number);
        event.setCallerIdName(name);
        event.setTimestamp(1763773200.123456);
        return event;
    }

    @Test
    void anArrivalNamesTheNodeWhoseLinkReportedItAndKeepsTheNodesPrefixedCallId() {
        AmiEventTranslator ofNodeB = new AmiEventTranslator("hotline", Clock.fixed(NOW, ZoneOffset.UTC), "b");
        NewChannelEvent created = newChannel("PJSIP/caller-00000001", "hotline", "1001", null);
        created.setUniqueId("b-1763773200.42"); // Asterisk's systemname prefixes its unique and linked ids
        created.setLinkedid("b-1763773200.42");

        var translated = ofNodeB.translate(created).orElseThrow();

        assertThat(translated.id()).isEqualTo(new CallId("b-1763773200.42"));
        CallEvent.Arrived arrived = (CallEvent.Arrived) translated.event();
        assertThat(arrived.node()).isEqualTo("b");
        assertThat(arrived.linkedId()).isEqualTo("b-1763773200.42");
    }

    @Test
    void aNewChannelInTheHotlineContextIsAnArrivalAtAsterisksOwnTime() {
        var translated = translator.translate(newChannel("PJSIP/caller-00000001", "hotline", "1001", "张三")).orElseThrow();

        assertThat(translated.id()).isEqualTo(new CallId("1763773200.42"));
        CallEvent.Arrived arrived = (CallEvent.Arrived) translated.event();
        assertThat(arrived.at()).isEqualTo(Instant.parse("2025-11-22T01:00:00.123456Z"));
        assertThat(arrived.caller().number()).isEqualTo("1001");
        assertThat(arrived.caller().name()).isEqualTo("张三");
        assertThat(arrived.dialled()).isEqualTo("10000");
    }

    @Test
    void theFrontDoorsStampIsReadToTheMicrosecondAndReportedAtAsterisksTime() {
        HotlineArrivalEvent event = new HotlineArrivalEvent(new Object());
        event.setUniqueId("1763773200.42");
        event.setStamp("1763773196.000042");
        event.setTimestamp(1763773200.2);

        var translated = translator.translate(event).orElseThrow();

        assertThat(translated.id()).isEqualTo(new CallId("1763773200.42"));
        assertThat(translated.event()).isEqualTo(new CallEvent.ArrivalStamped(
                Instant.parse("2025-11-22T00:59:56.000042Z"), Instant.parse("2025-11-22T01:00:00.200Z")));
    }

    @Test
    void channelsOutsideTheHotlineAndTheCallingHalfOfALocalChannelAreNotCalls() {
        assertThat(translator.translate(newChannel("PJSIP/agent-1", "agents", "1001", null))).isEmpty();
        assertThat(translator.translate(newChannel("Local/10000@hotline-0001;1", "hotline", "1001", null))).isEmpty();
        assertThat(translator.translate(newChannel("Local/10000@hotline-0001;2", "hotline", "1001", null))).isPresent();
    }

    @Test
    void aHostileCallerIdIsCarriedAsPlainData() {
        var translated = translator.translate(newChannel("PJSIP/caller-1", "hotline", "1001\r\nAction: Originate", "\"x\"\n"));
        CallEvent.Arrived arrived = (CallEvent.Arrived) translated.orElseThrow().event();
        assertThat(arrived.caller().number()).isNull();
        assertThat(arrived.caller().raw()).doesNotContain("\r", "\n");
        assertThat(arrived.caller().name()).isEqualTo("\"x\"");
    }

    @Test
    void theChannelGoingUpIsTheAnswer() {
        NewStateEvent up = new NewStateEvent(new Object());
        up.setUniqueId("1763773200.42");
        up.setChannelState(6);
        up.setTimestamp(1763773200.5);
        assertThat(translator.translate(up).orElseThrow().event())
                .isEqualTo(new CallEvent.Answered(Instant.parse("2025-11-22T01:00:00.500Z")));

        NewStateEvent ringing = new NewStateEvent(new Object());
        ringing.setUniqueId("1763773200.42");
        ringing.setChannelState(5);
        assertThat(translator.translate(ringing)).isEmpty();
    }

    @Test
    void theGreetingsStartAndEndComeFromAsterisksAgiCommandEvents() {
        AgiExecStartEvent start = new AgiExecStartEvent(new Object());
        start.setUniqueId("1763773200.42");
        start.setCommand("STREAM FILE \"hotline/zh/greeting\" \"\"");
        start.setTimestamp(1763773200.6);
        AgiExecEndEvent end = new AgiExecEndEvent(new Object());
        end.setUniqueId("1763773200.42");
        end.setCommand("STREAM FILE \"hotline/zh/greeting\" \"\"");
        end.setTimestamp(1763773205.9);
        AgiExecStartEvent menu = new AgiExecStartEvent(new Object());
        menu.setUniqueId("1763773200.42");
        menu.setCommand("STREAM FILE \"hotline/zh/menu\" \"0123456789*#\"");

        assertThat(translator.translate(start).orElseThrow().event()).isInstanceOf(CallEvent.GreetingStarted.class);
        assertThat(translator.translate(end).orElseThrow().event())
                .isEqualTo(new CallEvent.GreetingEnded(Instant.parse("2025-11-22T01:00:05.900Z")));
        assertThat(translator.translate(menu)).isEmpty();
    }

    @Test
    void keysTheCallerPressedAreRecordedAndOddDigitsIgnored() {
        DtmfEndEvent key = new DtmfEndEvent(new Object());
        key.setUniqueId("1763773200.42");
        key.setDirection("Received");
        key.setDigit("5");
        assertThat(translator.translate(key).orElseThrow().event()).isEqualTo(new CallEvent.KeyPressed(NOW, '5'));

        key.setDigit("55");
        assertThat(translator.translate(key)).isEmpty();
        key.setDigit("5");
        key.setDirection("Sent");
        assertThat(translator.translate(key)).isEmpty();
    }

    @Test
    void aHangupCarriesItsCauseAndLeavesTheSideToTheTracker() {
        HangupEvent hangup = new HangupEvent(new Object());
        hangup.setUniqueId("1763773200.42");
        hangup.setCause(16);
        hangup.setCauseTxt("Normal Clearing");
        CallEvent.Ended ended = (CallEvent.Ended) translator.translate(hangup).orElseThrow().event();
        assertThat(ended.cause()).isEqualTo(16);
        assertThat(ended.side()).isNull();
    }

    @Test
    void eventsWithoutAUsableUniqueIdAreDropped() {
        HangupEvent hangup = new HangupEvent(new Object());
        hangup.setUniqueId("1; DROP");
        assertThat(translator.translate(hangup)).isEmpty();
    }
}
