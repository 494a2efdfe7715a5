package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotline.call.AgentLeg;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class AgiLineTest {

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
}
