package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.call.AgentLeg;
import org.hotline.call.CallChannel;
import org.hotline.call.KeptPlace;
import org.hotline.call.Prompt;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/**
 * A caller the server holds is always under a deadline Asterisk keeps, rolled forward as the
 * server works: a server that goes silent loses the caller to the fallback after the grace, and
 * a conversation is never cut.
 */
class DeadlineLineTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration LONGEST_PROMPT = Duration.ofSeconds(15);

    private final List<String> asterisk = new ArrayList<>();
    private final List<Duration> held = new ArrayList<>();
    private long now;
    private final DeadlineLine line = new DeadlineLine(recording(), seconds -> asterisk.add("TIMEOUT " + seconds), GRACE,
            LONGEST_PROMPT, () -> now);

    @Test
    void aPromptIsCoveredByTheLongestPromptPlusTwiceTheGrace() {
        line.claim();
        line.play(Prompt.GREETING);

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 25", "play");
    }

    @Test
    void aCallerWaitingInTheQueueCostsOneMoreCommandPerGracePeriodNotOnePerCommand() {
        line.claim();
        line.markQueued(new KeptPlace(new Skill("orders"), java.time.Instant.parse("2026-12-06T06:00:00Z"), false, false));
        for (int n = 0; n < 150; n++) { // 15 s of listening, 100 ms at a time
            line.listen("*", Duration.ofMillis(100));
            now += Duration.ofMillis(100).toNanos();
        }

        assertThat(asterisk.stream().filter(c -> c.startsWith("TIMEOUT"))).containsExactly("TIMEOUT 10", "TIMEOUT 11",
                "TIMEOUT 11");
    }

    @Test
    void aCallerOnHoldIsHeldInPiecesOfTheGraceEachUnderItsPiecePlusTheGraceSoASilentServerLosesThemAsSoonAsAnyOther() {
        line.claim();
        for (int n = 0; n < 3; n++) { // 15 s on hold: the flow holds again for what is left after each piece
            line.hold(Duration.ofSeconds(15).minusSeconds(5L * n), "1");
            now += GRACE.toNanos();
        }

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 10", "hold", "TIMEOUT 10", "hold", "TIMEOUT 10", "hold");
        assertThat(held).containsExactly(GRACE, GRACE, GRACE);
    }

    @Test
    void aShortHoldUnderADeadlineThatCoversItCostsNoMoreCommands() {
        line.claim();
        line.play(Prompt.QUEUE_NEXT); // deadline 25 s from now
        line.hold(Duration.ofSeconds(2), "1");

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 25", "play", "hold");
        assertThat(held).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aQuestionIsCoveredByThePromptAndTheWaitForTheKey() {
        line.claim();
        line.ask(Prompt.MENU, "123", Duration.ofSeconds(8));

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 33", "ask");
    }

    @Test
    void theConversationIsNeverCutTheDeadlineIsLiftedBeforeTheAgentIsDialled() {
        line.claim();
        line.holdMusic(true);
        line.connect(new AgentId("010"), Duration.ofSeconds(9));
        line.play(Prompt.SURVEY);

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 10", "holdMusic", "TIMEOUT 0", "connect", "TIMEOUT 25", "play");
    }

    @Test
    void theServersOwnPauseBetweenCommandsIsAllowedUpToTheGrace() {
        line.claim();
        line.holdMusic(true); // deadline 10 s from now
        now += Duration.ofSeconds(4).toNanos(); // the floor decides for 4 s
        line.holdMusic(false); // 6 s left: more than the grace, nothing to roll
        now += Duration.ofMillis(1500).toNanos();
        line.holdMusic(true); // 4.5 s left: rolled

        assertThat(asterisk).containsExactly("claim", "TIMEOUT 10", "holdMusic", "holdMusic", "TIMEOUT 10", "holdMusic");
    }

    private CallChannel recording() {
        return (CallChannel) Proxy.newProxyInstance(CallChannel.class.getClassLoader(), new Class<?>[] {CallChannel.class},
                (proxy, method, args) -> {
                    asterisk.add(method.getName());
                    if (method.getName().equals("hold")) {
                        held.add((Duration) args[0]);
                    }
                    if (method.getReturnType() == Optional.class) {
                        return Optional.empty();
                    }
                    if (method.getReturnType() == AgentLeg.class) {
                        return new AgentLeg(AgentLeg.Outcome.ANSWERED, null);
                    }
                    return null;
                });
    }
}
