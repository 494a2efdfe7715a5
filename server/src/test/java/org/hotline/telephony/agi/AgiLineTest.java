package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;
import org.hotline.call.AgentLeg;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class AgiLineTest {

    /** Asterisk's side of the session: records each command; after {@code hangUpAfter} commands it is gone. */
    private final List<String> sent = new ArrayList<>();
    private int hangUpAfter = Integer.MAX_VALUE;

    private AgiChannel channel() {
        return (AgiChannel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    if (sent.size() >= hangUpAfter) {
                        throw new AgiHangupException();
                    }
                    sent.add(method.getName() + (args == null ? "" : " " + String.join(" ",
                            Arrays.stream(args).map(String::valueOf).toList())));
                    return switch (method.getReturnType().getName()) {
                        case "char" -> (char) 0;
                        case "int" -> 0;
                        case "java.lang.String" -> "ANSWER";
                        default -> null;
                    };
                });
    }

    private AgiLine line(boolean amiSaysAnswered) {
        return new AgiLine(channel(), Language.ZH, () -> { }, () -> { }, () -> amiSaysAnswered);
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
        hangUpAfter = 1; // Asterisk ends the session right after the Dial returns
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
