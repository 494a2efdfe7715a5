package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/** An agent codes only their own last call, with a code of its queue, during the wrap-up or the two minutes after it. */
class WrapUpCodingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final Skill COMPLAINTS = new Skill("complaints");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final CallId FIRST = new CallId("1795300000.1");
    private static final CallId SECOND = new CallId("1795300000.2");
    private static final WrapUpCode RESOLVED = new WrapUpCode("resolved", "已解决", "Resolved");
    private static final WrapUpCode CHANGED = new WrapUpCode("order-changed", "订单已修改", "Order changed");
    private static final WrapUpCode ESCALATED = new WrapUpCode("escalated", "已上报", "Escalated");

    private final WrapUpCoding coding = new WrapUpCoding(new WrapUpCodes(Map.of(ORDERS, List.of(RESOLVED, CHANGED),
            COMPLAINTS, List.of(ESCALATED))), WrapUpCodeRule.standard());

    @Test
    void duringTheWrapUpTheAgentCodesTheirLastCallWithACodeOfItsQueue() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);

        WrapUpChoice choice = coding.choose(LI, FIRST, "resolved", NOW.plusSeconds(5));

        assertThat(choice).isEqualTo(new WrapUpChoice(FIRST, ORDERS, RESOLVED, LI, NOW.plusSeconds(5)));
        assertThat(coding.codable(LI, NOW.plusSeconds(6)).orElseThrow()).satisfies(codable -> {
            assertThat(codable.codes()).containsExactly(RESOLVED, CHANGED);
            assertThat(codable.lastCall().chosen()).isEqualTo(choice);
            assertThat(codable.open()).isTrue();
            assertThat(codable.closesAt()).as("not known while the wrap-up goes on").isNull();
        });
    }

    @Test
    void oneCodePerCallALaterChoiceReplacesTheEarlier() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);
        coding.choose(LI, FIRST, "resolved", NOW.plusSeconds(2));

        coding.choose(LI, FIRST, "order-changed", NOW.plusSeconds(4));

        assertThat(coding.codable(LI, NOW.plusSeconds(5)).orElseThrow().lastCall().chosen().code()).isEqualTo(CHANGED);
    }

    @Test
    void theCodeCanStillBeGivenTwoMinutesAfterTheWrapUpAndNotAMomentLonger() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);
        coding.wrapUpEnded(LI, FIRST, NOW.plusSeconds(10));

        assertThat(coding.choose(LI, FIRST, "resolved", NOW.plusSeconds(10 + 119)).code()).isEqualTo(RESOLVED);
        assertThat(coding.codable(LI, NOW.plusSeconds(130)).orElseThrow().closesAt()).isEqualTo(NOW.plusSeconds(130));
        assertThatThrownBy(() -> coding.choose(LI, FIRST, "order-changed", NOW.plusSeconds(130)))
                .isInstanceOfSatisfying(WrapUpCodeRefused.class, refused ->
                        assertThat(refused.why()).isEqualTo(WrapUpCodeRefused.Why.CLOSED));
        assertThat(coding.codable(LI, NOW.plusSeconds(130)).orElseThrow().open()).isFalse();
    }

    @Test
    void onlyTheAgentsOwnLastCall() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);

        assertThat(why(() -> coding.choose(WANG, FIRST, "resolved", NOW))).isEqualTo(WrapUpCodeRefused.Why.NOT_THEIR_LAST_CALL);

        coding.conversationEnded(LI, SECOND, ORDERS, NOW.plusSeconds(60));
        assertThat(why(() -> coding.choose(LI, FIRST, "resolved", NOW.plusSeconds(61))))
                .as("the call before the last").isEqualTo(WrapUpCodeRefused.Why.NOT_THEIR_LAST_CALL);
    }

    @Test
    void notOnceTheAgentHasTakenAnotherCall() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);
        coding.wrapUpEnded(LI, FIRST, NOW.plusSeconds(10));

        coding.tookAnotherCall(LI);

        assertThat(why(() -> coding.choose(LI, FIRST, "resolved", NOW.plusSeconds(20))))
                .isEqualTo(WrapUpCodeRefused.Why.NOT_THEIR_LAST_CALL);
        assertThat(coding.codable(LI, NOW.plusSeconds(20))).isEmpty();
    }

    @Test
    void onlyACodeOfTheCallsOwnQueue() {
        coding.conversationEnded(LI, FIRST, ORDERS, NOW);

        assertThat(why(() -> coding.choose(LI, FIRST, "escalated", NOW))).isEqualTo(WrapUpCodeRefused.Why.UNKNOWN_CODE);
        assertThat(why(() -> coding.choose(LI, FIRST, "../x", NOW))).isEqualTo(WrapUpCodeRefused.Why.UNKNOWN_CODE);
    }

    @Test
    void aCallOfNoQueueHasNoCodes() {
        coding.conversationEnded(LI, FIRST, null, NOW);

        assertThat(coding.codable(LI, NOW).orElseThrow().codes()).isEmpty();
        assertThat(why(() -> coding.choose(LI, FIRST, "resolved", NOW))).isEqualTo(WrapUpCodeRefused.Why.UNKNOWN_CODE);
    }

    @Test
    void aCodeHasASafeIdAndALabelInEachLanguage() {
        assertThat(RESOLVED.label(Language.ZH)).isEqualTo("已解决");
        assertThat(RESOLVED.label(Language.EN)).isEqualTo("Resolved");
        assertThatThrownBy(() -> new WrapUpCode("Resolved!", "已解决", "Resolved")).hasMessageContaining("not a wrap-up code");
        assertThatThrownBy(() -> new WrapUpCode("resolved", " ", "Resolved")).hasMessageContaining("zh label is missing");
        assertThatThrownBy(() -> new WrapUpCode("resolved", "已解决", null)).hasMessageContaining("en label is missing");
        assertThatThrownBy(() -> new WrapUpCodes(Map.of(ORDERS, List.of(RESOLVED, RESOLVED))))
                .hasMessageContaining("listed twice");
        assertThat(new WrapUpCodeRule(Duration.ZERO).open(NOW, NOW)).as("closed with the wrap-up").isFalse();
    }

    private static WrapUpCodeRefused.Why why(Runnable choice) {
        try {
            choice.run();
        } catch (WrapUpCodeRefused refused) {
            return refused.why();
        }
        throw new AssertionError("the code was given");
    }
}
