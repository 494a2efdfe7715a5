package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        return new AgiLine(asterisk.channel(), Language.ZH, () -> { }, () -> { }, () -> amiSaysAnswered);
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
    void whileTheSessionLastsTheDialStatusIsAsterisksChannelVariable() {
        AgentLeg leg = line(false).connect(new AgentId("001"), Duration.ofSeconds(9));
        assertThat(leg.outcome()).isEqualTo(AgentLeg.Outcome.ANSWERED);
        assertThat(sent).contains("getVariable DIALSTATUS");
    }

    @Test
    void joiningAQueueMarksAsterisksLogAndKeepsThePlaceOnTheChannelAndLeavingClearsIt() {
        RecordingChannel asterisk = new RecordingChannel("orders/1764000000000/long-distance");
        AgiLine line = new AgiLine(asterisk.channel(), Language.ZH, () -> { }, () -> { }, () -> false);

        line.markQueued(new KeptPlace(new Skill("orders"), JOINED, false, false));
        line.forgetPlace();

        assertThat(asterisk.sent).containsExactly("exec CELGenUserEvent HOTLINE_QUEUED,orders",
                "setVariable HOTLINE_PLACE orders/" + JOINED.toEpochMilli() + "/-", "setVariable HOTLINE_PLACE ");
        assertThat(line.keptPlace()).contains(new KeptPlace(new Skill("orders"), Instant.ofEpochMilli(1764000000000L), false, true));
    }
}
