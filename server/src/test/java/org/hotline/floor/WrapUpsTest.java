package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.call.CallEvent;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.AgentState;
import org.hotline.routing.Distributor;
import org.hotline.routing.PriorityRules;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrap-up counts from the end of the conversation as Asterisk saw it, ends at exactly the setting, and its end is on the record. */
class WrapUpsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");
    private static final CallId CALL = new CallId("1795300000.1");

    private final TestClock clock = new TestClock(NOW);
    private final HandTimers timers = new HandTimers(clock);
    private final List<CallEvent> recorded = new ArrayList<>();
    private final Distributor distributor = new Distributor(List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3))),
            PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock);
    private final WrapUps wrapUps = new WrapUps(distributor, Duration.ofSeconds(10), timers, this::dispatch,
            (id, event) -> recorded.add(event), clock);
    private int dispatches;

    /** The floor's dispatch, as far as wrap-ups go: where an ended one is seen. */
    private void dispatch() {
        dispatches++;
        wrapUps.recordEnded();
    }

    @BeforeEach
    void liTalksOnACall() {
        distributor.phoneRegistered(LI, true);
        distributor.ready(LI);
        distributor.enqueue(WaitingCall.ordinary(CALL, ORDERS, NOW));
        distributor.dispatch();
        distributor.answered(CALL);
    }

    private AgentState li() {
        return distributor.status(LI).state();
    }

    @Test
    void theWrapUpCountsFromTheEndOfTheConversationAndEndsByItsOwnTimerAtExactlyTheSetting() {
        wrapUps.start(LI, CALL, ORDERS, NOW.minusSeconds(4)); // Asterisk saw the conversation end 4 s before the floor heard

        timers.advance(Duration.ofMillis(5_999));
        assertThat(li()).isEqualTo(AgentState.WRAP_UP);
        assertThat(dispatches).isZero();

        timers.advance(Duration.ofMillis(1));
        assertThat(li()).isEqualTo(AgentState.READY);
        assertThat(dispatches).as("a call waiting may be offered at once").isEqualTo(1);
        assertThat(recorded).containsExactly(new CallEvent.WrapUpEnded(NOW.plusSeconds(6), "010"));
    }

    @Test
    void aWrapUpStillGoingIsNotRecordedAsEnded() {
        wrapUps.start(LI, CALL, ORDERS, NOW);
        timers.advance(Duration.ofSeconds(5));

        wrapUps.recordEnded();

        assertThat(recorded).isEmpty();
    }

    @Test
    void aWrapUpTheAgentEndsEarlyIsRecordedAtTheNextChange() {
        wrapUps.start(LI, CALL, ORDERS, NOW);
        timers.advance(Duration.ofSeconds(3));
        distributor.ready(LI); // the agent is ready before the time is up

        wrapUps.recordEnded();

        assertThat(recorded).containsExactly(new CallEvent.WrapUpEnded(NOW.plusSeconds(3), "010"));
    }

    @Test
    void aWrapUpStartedByTheDistributorItselfEndsOnTimeToo() {
        distributor.callEnded(LI); // a campaign call: the floor keeps no record of it
        wrapUps.endOnTime();

        timers.advance(Duration.ofSeconds(10));

        assertThat(li()).isEqualTo(AgentState.READY);
        assertThat(recorded).isEmpty();
    }

    @Test
    void theCodeTheAgentGivesDuringWrapUpGoesOnTheCallsRecordWithWhoAndWhen() {
        ordersHaveTheCodeResolved();
        List<org.hotline.live.LiveEvent> desk = new ArrayList<>();
        wrapUps.publishOn(desk::add);
        wrapUps.start(LI, CALL, ORDERS, NOW);
        timers.advance(Duration.ofSeconds(4));

        wrapUps.choose(LI, CALL, "resolved");

        assertThat(recorded).containsExactly(new CallEvent.WrapUpCoded(NOW.plusSeconds(4), "010", "orders", "resolved"));
        assertThat(desk).as("the agent's desktop hears of it, whether coded there or on the phone").containsExactly(
                org.hotline.live.LiveEvent.forAgent("wrap-up-coded", "010",
                        Map.of("call", CALL.value(), "queue", "orders", "code", "resolved"), NOW.plusSeconds(4)));
    }

    @Test
    void onANewCallTheAgentCanNoLongerCodeTheLastOne() {
        ordersHaveTheCodeResolved();
        wrapUps.start(LI, CALL, ORDERS, NOW);
        timers.advance(Duration.ofSeconds(10));
        distributor.enqueue(WaitingCall.ordinary(new CallId("1795300000.2"), ORDERS, clock.instant()));
        distributor.dispatch();
        distributor.answered(new CallId("1795300000.2"));

        assertThat(wrapUps.codable(LI)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrapUps.choose(LI, CALL, "resolved"))
                .isInstanceOf(org.hotline.routing.WrapUpCodeRefused.class);
        assertThat(recorded).containsExactly(new CallEvent.WrapUpEnded(NOW.plusSeconds(10), "010"));
    }

    private void ordersHaveTheCodeResolved() {
        wrapUps.codeWith(new org.hotline.routing.WrapUpCodes(Map.of(ORDERS, List.of(
                new org.hotline.routing.WrapUpCode("resolved", "已解决", "Resolved")))), org.hotline.routing.WrapUpCodeRule.standard());
    }
}
