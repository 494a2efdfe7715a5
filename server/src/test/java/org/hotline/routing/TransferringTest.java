package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/** An agent in a call passes the caller blind to a queue or a free colleague, or consults the colleague first. */
class TransferringTest {

    private static final Set<Skill> QUEUES = Set.of(new Skill("orders"), new Skill("billing"));
    private static final AgentStatus ON_CALL = status("010", AgentState.ON_CALL, true, false);
    private static final AgentStatus READY_COLLEAGUE = status("011", AgentState.READY, true, false);
    private static final TransferTarget COLLEAGUE = TransferTarget.agent(new AgentId("011"));

    @Test
    void anAgentInACallConsultsOrTransfersToAReadyColleague() {
        for (TransferMode mode : TransferMode.values()) {
            assertThat(Transferring.request(ON_CALL, COLLEAGUE, READY_COLLEAGUE, QUEUES, mode))
                    .isEqualTo(new TransferRequest(new AgentId("010"), COLLEAGUE, mode));
        }
    }

    @Test
    void aCallerIsPassedBlindToAQueueOfTheMenu() {
        TransferTarget billing = TransferTarget.queue(new Skill("billing"));

        assertThat(Transferring.request(ON_CALL, billing, null, QUEUES, TransferMode.BLIND))
                .isEqualTo(new TransferRequest(new AgentId("010"), billing, TransferMode.BLIND));
    }

    @Test
    void aQueueIsNotConsulted() {
        refused(() -> Transferring.request(ON_CALL, TransferTarget.queue(new Skill("billing")), null, QUEUES, TransferMode.CONSULT),
                TransferRefused.Why.NOT_ALLOWED, "a queue is not consulted: transfer blind to the queue, or consult a colleague");
    }

    @Test
    void anUnknownQueueOrColleagueIsRefused() {
        refused(() -> Transferring.request(ON_CALL, TransferTarget.queue(new Skill("sales")), null, QUEUES, TransferMode.BLIND),
                TransferRefused.Why.UNKNOWN_TARGET, "there is no queue sales");
        refused(() -> Transferring.request(ON_CALL, COLLEAGUE, null, QUEUES, TransferMode.BLIND),
                TransferRefused.Why.UNKNOWN_TARGET, "there is no agent 011");
    }

    @Test
    void onlyAnAgentInACallTransfers() {
        for (AgentState state : new AgentState[] {AgentState.READY, AgentState.OFFERED, AgentState.WRAP_UP, AgentState.PAUSED}) {
            refused(() -> Transferring.request(status("010", state, true, false), COLLEAGUE, READY_COLLEAGUE, QUEUES, TransferMode.BLIND),
                    TransferRefused.Why.NOT_IN_CALL, "agent 010 is not in a call");
        }
    }

    @Test
    void nobodyTransfersToThemselves() {
        refused(() -> Transferring.request(ON_CALL, TransferTarget.agent(new AgentId("010")), ON_CALL, QUEUES, TransferMode.CONSULT),
                TransferRefused.Why.NOT_ALLOWED, "agent 010 cannot transfer to themselves");
    }

    @Test
    void aColleagueWhoCannotTakeACallNowIsRefused() {
        refused(() -> Transferring.request(ON_CALL, COLLEAGUE, status("011", AgentState.ON_CALL, true, false), QUEUES, TransferMode.CONSULT),
                TransferRefused.Why.TARGET_UNAVAILABLE, "agent 011 is not ready (on-call)");
        refused(() -> Transferring.request(ON_CALL, COLLEAGUE, status("011", AgentState.PAUSED, true, false), QUEUES, TransferMode.BLIND),
                TransferRefused.Why.TARGET_UNAVAILABLE, "agent 011 is not ready (paused)");
        refused(() -> Transferring.request(ON_CALL, COLLEAGUE, status("011", AgentState.READY, false, false), QUEUES, TransferMode.CONSULT),
                TransferRefused.Why.TARGET_UNAVAILABLE, "the phone of agent 011 is not registered");
        refused(() -> Transferring.request(ON_CALL, COLLEAGUE, status("011", AgentState.READY, true, true), QUEUES, TransferMode.CONSULT),
                TransferRefused.Why.TARGET_UNAVAILABLE, "the phone of agent 011 is busy");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable request, TransferRefused.Why why, String message) {
        assertThatThrownBy(request).isInstanceOfSatisfying(TransferRefused.class, refused -> {
            assertThat(refused.why()).isEqualTo(why);
            assertThat(refused.getMessage()).isEqualTo(message);
        });
    }

    private static AgentStatus status(String id, AgentState state, boolean registered, boolean busy) {
        Agent agent = new Agent(new AgentId(id), "Agent " + id, Tier.FRONT_LINE, Map.of());
        return new AgentStatus(agent, state, null, Instant.EPOCH, registered, busy, null);
    }
}
