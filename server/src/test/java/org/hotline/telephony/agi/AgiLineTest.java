package org.hotline.telephony.agi;

import org.hotline.telephony.pjsip.AgentDial;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.hotline.call.AgentLeg;
import org.hotline.call.KeptPlace;
import org.hotline.shared.Skill;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class AgiLineTest {

    private static final Instant JOINED = Instant.parse("2026-11-22T01:00:00.123Z");

    private final RecordingChannel asterisk = new RecordingChannel("ANSWER");
    private final List<String> sent = asterisk.sent;

    private AgiLine line(boolean amiSaysAnswered) {
        return new AgiLine(asterisk.channel(), Language.ZH, () -> { }, () -> { }, () -> amiSaysAnswered, AgentDial.direct());
    }

    @Test
    void theFallbackIsToldTheCallerWasGreetedBeforeTheGreetingStarts() {
        line(false).play(Prompt.GREETING);
        assertThat(sent).containsExactly("setVariable HOTLINE_GREETED 1", "streamFile hotline/zh/greeting");
    }

    @Test
    void claimingTheCallLiftsAsterisksDeadline() {
        line(false).claim();
        assertThat(sent).containsExactly("setVariable TIMEOUT(absolute) 0");
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentRingsAbandonedUnlessAsteriskSawTheAgentAnswer() {
        asterisk.hangUpAfter = 1; // Asterisk ends the session right after the Dial returns
        assertThat(line(false).connect(new AgentId("001"), Duration.ofSeconds(9)).outcome())
                .isEqualTo(AgentLeg.Outcome.CALLER_ABANDONED);
        sent.clear();
        assertThat(line(true).connect(new AgentId("001"), Duration.ofSeconds(9)).outcome())
                .isEqualTo(AgentLeg.Outcome.ANSWERED);
    }

    @Test
    void aHoldIsOneWaitForAKeyForItsWholeLengthWhileTheMusicPlaysOn() {
        asterisk.key = '1';
        assertThat(line(false).hold(Duration.ofSeconds(45), "1")).contains('1');
        assertThat(sent).containsExactly("waitForDigit 45000");
    }

    @Test
    void aHoldCutShortEndsWithoutAKeyAsDoesAKeyTheCallerWasNotOffered() {
        asterisk.key = (char) 1000; // Asterisk's answer when a stop (AMI ControlPlayback) ends the wait
        assertThat(line(false).hold(Duration.ofSeconds(45), "1")).isEmpty();
        asterisk.key = '7';
        assertThat(line(false).hold(Duration.ofSeconds(45), "1")).isEmpty();
    }

    /** Stops the line sent; Asterisk drops the first (it came between two commands) and heeds the next during a hold. */
    private final AtomicInteger stops = new AtomicInteger();
    private final CountDownLatch stoppedWhileHolding = new CountDownLatch(1);

    /** A line to an Asterisk whose holds last until a stop after the first ends them (5 s at most). */
    private AgiLine lineDroppingTheFirstStop() {
        AgiChannel asteriskOnHold = (AgiChannel) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgiChannel.class}, (proxy, method, args) -> {
                    if (method.getName().equals("waitForDigit")) {
                        return stoppedWhileHolding.await(5, TimeUnit.SECONDS) ? (char) 1000 : (char) 0;
                    }
                    return method.getReturnType() == char.class ? (char) 0 : null;
                });
        return new AgiLine(asteriskOnHold, Language.ZH, () -> { }, () -> {
            if (stops.incrementAndGet() > 1) {
                stoppedWhileHolding.countDown();
            }
        }, () -> false, AgentDial.direct());
    }

    @Test
    void aStopAsteriskDroppedBeforeTheHoldBeganIsSentAgainWhileTheHoldGoesOn() {
        AgiLine line = lineDroppingTheFirstStop();

        line.cutShort(); // the agent is found just before the hold begins: Asterisk drops this stop
        long start = System.nanoTime();
        Optional<Character> key = line.hold(Duration.ofSeconds(60), "1");

        assertThat(key).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the hold ended by the stop sent again")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(stops.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStopDroppedWhileTheDeadlineWasRolledIsSentAgainDuringTheHoldThatFollows() {
        AgiLine line = lineDroppingTheFirstStop();

        line.cutShort(); // dropped: Asterisk is between commands
        line.deadlineIn(10); // the rolling deadline, just before the hold
        long start = System.nanoTime();
        line.hold(Duration.ofSeconds(60), "1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the hold ended by the stop sent again")
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void noStopIsSentAgainOnceACommandEndedAfterIt() throws Exception {
        AgiLine line = new AgiLine(asterisk.channel(), Language.ZH, () -> { }, stops::incrementAndGet, () -> false, AgentDial.direct());

        line.cutShort();
        line.holdMusic(false); // the flow is back: it looks for the agent before holding again
        Thread.sleep(400);

        assertThat(stops.get()).isEqualTo(1);
    }

    @Test
    void whileTheSessionLastsTheDialStatusIsAsterisksChannelVariable() {
        AgentLeg leg = line(false).connect(new AgentId("001"), Duration.ofSeconds(9));
        assertThat(leg.outcome()).isEqualTo(AgentLeg.Outcome.ANSWERED);
        assertThat(sent).contains("getVariable DIALSTATUS");
    }

    @Test
    void joiningAQueueMarksAsterisksLogAndKeepsThePlaceOnTheChannelAndLeavingClearsIt() {
        RecordingChannel asterisk = new RecordingChannel("orders/1764000000000/long-distance");
        AgiLine line = new AgiLine(asterisk.channel(), Language.ZH, () -> { }, () -> { }, () -> false, AgentDial.direct());

        line.markQueued(new KeptPlace(new Skill("orders"), JOINED, false, false));
        line.forgetPlace();

        assertThat(asterisk.sent).containsExactly("exec CELGenUserEvent HOTLINE_QUEUED,orders",
                "setVariable HOTLINE_PLACE orders/" + JOINED.toEpochMilli() + "/-", "setVariable HOTLINE_PLACE ");
        assertThat(line.keptPlace()).contains(new KeptPlace(new Skill("orders"), Instant.ofEpochMilli(1764000000000L), false, true));
    }
}
