package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallEvent;
import org.hotline.call.TransferStep;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The floor during a transfer: a consulted colleague is offered no call; once the caller is theirs
 * they are offered none until the call ends; the agent who passed the caller on wraps up from the
 * transfer, or from leaving a conference.
 */
class FloorTransfersTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final CallId CALL = new CallId("1763773200.42");

    private final Vertx vertx = Vertx.vertx();
    private final Floor floor = TestFloor.of(vertx.getOrCreateContext(), List.of(new Agent(LI, "Li", Tier.FRONT_LINE, Map.of(ORDERS, 3)),
            new Agent(WANG, "Wang", Tier.FRONT_LINE, Map.of(ORDERS, 3))), Clock.fixed(NINE, ZoneOffset.UTC));

    @BeforeEach
    void liTalksToACaller() throws Exception {
        floor.phoneRegistered(LI, true);
        floor.ready(LI).await(10, TimeUnit.SECONDS);
        AgentQueue.Ticket ticket = floor.join(WaitingCall.ordinary(CALL, ORDERS, NINE));
        assertThat(ticket.awaitAgent(Duration.ofSeconds(5))).contains(LI);
        floor.agentAnswered(LI, NINE);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(LI).state() == AgentState.ON_CALL);
        floor.phoneRegistered(WANG, true);
        floor.ready(WANG).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aConsultedColleagueIsOfferedNoCallUntilTheConsultationIsCancelled() throws Exception {
        step(TransferStep.CONSULT_STARTED, null, "011");
        AgentQueue.Ticket next = floor.join(WaitingCall.ordinary(new CallId("next"), ORDERS, NINE));
        assertThat(next.awaitAgent(Duration.ofMillis(500))).as("the colleague is being consulted").isEmpty();

        step(TransferStep.CANCELLED, null, "011");
        assertThat(next.awaitAgent(Duration.ofSeconds(5))).contains(WANG);
    }

    @Test
    void afterTheTransferTheFirstAgentWrapsUpAndTheColleagueHasTheCallerUntilTheCallEnds() throws Exception {
        step(TransferStep.CONSULT_STARTED, null, "011");
        step(TransferStep.CONSULT_ANSWERED, null, "011");
        step(TransferStep.TRANSFERRED, "010", "011");

        await().atMost(Duration.ofSeconds(5)).until(() -> status(LI).state() == AgentState.WRAP_UP);
        AgentQueue.Ticket next = floor.join(WaitingCall.ordinary(new CallId("next"), ORDERS, NINE));
        assertThat(next.awaitAgent(Duration.ofMillis(500))).as("the colleague talks to the transferred caller").isEmpty();

        floor.conversationEnded(CALL, NINE.plusSeconds(60));
        assertThat(next.awaitAgent(Duration.ofSeconds(5))).contains(WANG);
    }

    @Test
    void inAConferenceEachAgentIsDoneWhenTheyLeaveIt() throws Exception {
        step(TransferStep.CONSULT_STARTED, null, "011");
        step(TransferStep.CONFERENCE, "010", "011");
        assertThat(status(LI).state()).as("the first agent is still on the call").isEqualTo(AgentState.ON_CALL);

        step(TransferStep.LEFT_CONFERENCE, "010", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(LI).state() == AgentState.WRAP_UP);
        assertThat(status(WANG).phoneBusy()).as("the colleague talks on with the caller").isTrue();

        step(TransferStep.LEFT_CONFERENCE, "011", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> !status(WANG).phoneBusy());
    }

    private void step(TransferStep step, String from, String to) {
        floor.transferStepped(CALL, new CallEvent.TransferStepped(NINE.plusSeconds(30), step, from, to, null));
    }

    private AgentStatus status(AgentId agent) throws Exception {
        return floor.agent(agent).await(10, TimeUnit.SECONDS);
    }
}
