package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** A supervisor listens, whispers or barges from their own phone, on another agent's call only. */
class MonitoringTest {

    private static final Supervisor SUPERVISOR = new Supervisor("zhang.wei", true, new AgentId("001"));
    private static final AgentStatus SUPERVISORS_PHONE = status("001", AgentState.LOGGED_OUT, true);
    private static final AgentStatus AGENT_ON_CALL = status("010", AgentState.ON_CALL, true);

    @Test
    void aSupervisorWithARegisteredPhoneJoinsAnAgentOnACallInTheChosenMode() {
        MonitorRequest request = Monitoring.join(SUPERVISOR, SUPERVISORS_PHONE, AGENT_ON_CALL, MonitorMode.WHISPER);

        assertThat(request).isEqualTo(new MonitorRequest("zhang.wei", new AgentId("001"), new AgentId("010"), MonitorMode.WHISPER));
    }

    @Test
    void anAgentMayNotListenToAColleague() {
        Supervisor agent = new Supervisor("li.ming", false, new AgentId("011"));

        assertThatThrownBy(() -> Monitoring.join(agent, status("011", AgentState.READY, true), AGENT_ON_CALL, MonitorMode.LISTEN))
                .isInstanceOfSatisfying(MonitorRefused.class, refused -> assertThat(refused.why()).isEqualTo(MonitorRefused.Why.NOT_ALLOWED));
    }

    @Test
    void anAgentWhoIsNotInACallCannotBeListenedTo() {
        for (AgentState state : new AgentState[] {AgentState.READY, AgentState.OFFERED, AgentState.WRAP_UP, AgentState.PAUSED}) {
            assertThatThrownBy(() -> Monitoring.join(SUPERVISOR, SUPERVISORS_PHONE, status("010", state, true), MonitorMode.LISTEN))
                    .isInstanceOfSatisfying(MonitorRefused.class, refused -> {
                        assertThat(refused.why()).isEqualTo(MonitorRefused.Why.NOT_IN_CALL);
                        assertThat(refused.getMessage()).isEqualTo("agent 010 is not in a call");
                    });
        }
    }

    @Test
    void aSupervisorNeedsARegisteredPhoneOfTheirOwnThatIsNotInACall() {
        Supervisor withoutId = new Supervisor("admin", true, null);
        assertThatThrownBy(() -> Monitoring.join(withoutId, null, AGENT_ON_CALL, MonitorMode.LISTEN))
                .isInstanceOfSatisfying(MonitorRefused.class, refused -> assertThat(refused.why()).isEqualTo(MonitorRefused.Why.NO_PHONE));
        assertThatThrownBy(() -> Monitoring.join(SUPERVISOR, status("001", AgentState.LOGGED_OUT, false), AGENT_ON_CALL, MonitorMode.LISTEN))
                .isInstanceOfSatisfying(MonitorRefused.class, refused -> assertThat(refused.why()).isEqualTo(MonitorRefused.Why.NO_PHONE));
        assertThatThrownBy(() -> Monitoring.join(SUPERVISOR, status("001", AgentState.ON_CALL, true), AGENT_ON_CALL, MonitorMode.LISTEN))
                .isInstanceOfSatisfying(MonitorRefused.class, refused -> assertThat(refused.why()).isEqualTo(MonitorRefused.Why.NO_PHONE));
    }

    @Test
    void aSupervisorDoesNotListenToTheirOwnCall() {
        assertThatThrownBy(() -> Monitoring.join(SUPERVISOR, status("001", AgentState.READY, true), status("001", AgentState.ON_CALL, true),
                MonitorMode.BARGE)).isInstanceOf(MonitorRefused.class);
    }

    @Test
    void theModesAreWrittenAsTheApiWritesThem() {
        assertThat(MonitorMode.of("barge")).contains(MonitorMode.BARGE);
        assertThat(MonitorMode.of("spy")).isEmpty();
        assertThat(MonitorMode.LISTEN.id()).isEqualTo("listen");
    }

    private static AgentStatus status(String id, AgentState state, boolean registered) {
        Agent agent = new Agent(new AgentId(id), "Agent " + id, Tier.FRONT_LINE, Map.of());
        return new AgentStatus(agent, state, null, Instant.EPOCH, registered, false, null);
    }
}
