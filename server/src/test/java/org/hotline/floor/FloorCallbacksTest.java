package org.hotline.floor;

import org.hotline.shared.AgentRingRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallbackOutcome;
import org.hotline.shared.Language;
import org.hotline.call.ServiceHours;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.AgentState;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackPolicy;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.Distributor;
import org.hotline.routing.PauseReason;
import org.hotline.routing.PriorityRules;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks on the floor: the agent reserved and rung first, tries and retries, and every try on the record. */
class FloorCallbacksTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final CallId ASKED = new CallId("1795300000.7");

    private record Dial(CallbackRequest request, AgentId agent, CallbackDialer.Result result) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Dial> dials = new CopyOnWriteArrayList<>();
    private final List<CallEvent> recorded = new CopyOnWriteArrayList<>();
    private final Floor floor = new Floor(vertx.getOrCreateContext(),
            new Distributor(List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3)),
                    new Agent(WANG, "Wang", Tier.SENIOR, Map.of(ORDERS, 3))),
                    PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock),
            new FloorRules(Duration.ZERO, AgentRingRule.handbook(), new CallbackPolicy(Duration.ofHours(1), 2, Duration.ZERO),
                    ServiceHours.everyDay(ZoneOffset.UTC, new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))),
            (request, agent, ringFor, result) -> dials.add(new Dial(request, agent, result)),
            (id, event) -> recorded.add(event), clock);

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void ready(AgentId agent) throws Exception {
        floor.phoneRegistered(agent, true);
        floor.ready(agent).await(10, TimeUnit.SECONDS);
    }

    private CallbackRequest requestFromAfterHours() {
        return floor.requestCallback(WaitingCall.ordinary(ASKED, ORDERS, NOW).asCallback(), "13800138000", Language.ZH);
    }

    private Dial awaitDial(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> dials.size() >= count);
        return dials.get(count - 1);
    }

    @Test
    void whenItsTurnComesTheAgentIsReservedAndRungBeforeTheCustomerIsDialled() throws Exception {
        CallbackRequest request = requestFromAfterHours();
        assertThat(request.deadline()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(dials).as("nobody at work yet").isEmpty();

        ready(LI);

        Dial dial = awaitDial(1);
        assertThat(dial.agent()).isEqualTo(LI);
        assertThat(dial.request().number()).isEqualTo("13800138000");
        assertThat(floor.agent(LI).await(10, TimeUnit.SECONDS).state()).isEqualTo(AgentState.OFFERED);
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(open -> assertThat(open.dialling()).isTrue());
    }

    @Test
    void anAgentWhoDoesNotAnswerIsPausedAndTheRequestGoesToTheNextAgent() throws Exception {
        requestFromAfterHours();
        ready(LI);
        ready(WANG);
        Dial first = awaitDial(1);

        first.result().agentDidNotAnswer();

        Dial second = awaitDial(2);
        assertThat(second.agent()).isNotEqualTo(first.agent());
        assertThat(floor.agent(first.agent()).await(10, TimeUnit.SECONDS).pauseReason()).isEqualTo(PauseReason.RING_NO_ANSWER);
        assertThat(recorded).singleElement().isInstanceOfSatisfying(CallEvent.CallbackAttempted.class,
                tried -> assertThat(tried.outcome()).isEqualTo(CallbackOutcome.AGENT_NO_ANSWER));
    }

    @Test
    void aCustomerWhoDoesNotAnswerIsTriedAgainAndAfterTheLastTryTheRequestIsClosedUnreached() throws Exception {
        requestFromAfterHours();
        ready(LI);

        for (int attempt = 1; attempt <= 2; attempt++) {
            Dial dial = awaitDial(attempt);
            assertThat(floor.callbackAnswered(ASKED, LI).await(10, TimeUnit.SECONDS)).isPresent();
            floor.callbackEnded(ASKED, CallbackOutcome.CUSTOMER_NO_ANSWER, null, Duration.ZERO).await(10, TimeUnit.SECONDS);
            assertThat(dial.request().attempts()).isEqualTo(attempt - 1);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> recorded.stream().anyMatch(CallEvent.CallbackClosed.class::isInstance));
        assertThat(recorded).filteredOn(CallEvent.CallbackClosed.class::isInstance).singleElement()
                .isEqualTo(new CallEvent.CallbackClosed(NOW, false));
        assertThat(floor.openCallbacks().await(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(dials).hasSize(2);
    }

    @Test
    void aCustomerReachedClosesTheRequestAndTheAgentsWrapUpEndIsRecorded() throws Exception {
        requestFromAfterHours();
        ready(LI);
        awaitDial(1);

        floor.callbackAnswered(ASKED, LI).await(10, TimeUnit.SECONDS);
        floor.callbackEnded(ASKED, CallbackOutcome.CUSTOMER_ANSWERED, NOW, Duration.ofMinutes(2)).await(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> recorded.stream().anyMatch(CallEvent.WrapUpEnded.class::isInstance));
        assertThat(recorded).contains(new CallEvent.CallbackClosed(NOW, true), new CallEvent.WrapUpEnded(NOW, "010"));
    }

    @Test
    void aLegThatIsNotTheOneTheFloorReservedIsRefused() throws Exception {
        requestFromAfterHours();
        ready(LI);
        awaitDial(1);
        assertThat(floor.callbackAnswered(ASKED, WANG).await(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(floor.callbackAnswered(new CallId("1795300000.8"), LI).await(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void requestsStillOpenAtTheLastStopAreBackInLineAfterARestart() throws Exception {
        floor.restore(List.of(new CallbackRequest(WaitingCall.ordinary(ASKED, ORDERS, NOW.minusSeconds(600)).asCallback(),
                "13800138000", Language.ZH, NOW.minusSeconds(600), NOW.plusSeconds(3000), 1)));
        ready(LI);
        assertThat(awaitDial(1).request().attempts()).isEqualTo(1);
    }
}
