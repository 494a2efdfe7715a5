package org.hotline.routing;

/**
 * Who may listen to, whisper to or barge into whose call: a supervisor, with a phone of their own
 * (their user's agent ID in the roster, its SIP account registered), on another agent who is on a call.
 */
public final class Monitoring {

    private Monitoring() {
    }

    /**
     * @param supervisorPhone the status of the supervisor's own roster ID, or null when they have none
     * @param agent           the status of the agent whose call they join
     * @throws MonitorRefused saying why not
     */
    public static MonitorRequest join(Supervisor supervisor, AgentStatus supervisorPhone, AgentStatus agent, MonitorMode mode) {
        if (!supervisor.maySupervise()) {
            throw new MonitorRefused(MonitorRefused.Why.NOT_ALLOWED, "only supervisors listen to agents' calls");
        }
        if (supervisor.phone() == null || supervisorPhone == null) {
            throw new MonitorRefused(MonitorRefused.Why.NO_PHONE, "user " + supervisor.user()
                    + " has no phone: give the user an agent ID of the roster, whose SIP account is their phone");
        }
        if (!supervisorPhone.phoneRegistered()) {
            throw new MonitorRefused(MonitorRefused.Why.NO_PHONE, "the SIP phone of agent-" + supervisor.phone().value()
                    + " (user " + supervisor.user() + ") is not registered");
        }
        if (supervisor.phone().equals(agent.agent().id())) {
            throw new MonitorRefused(MonitorRefused.Why.NOT_ALLOWED, "a supervisor does not listen to their own call");
        }
        if (agent.state() != AgentState.ON_CALL) {
            throw new MonitorRefused(MonitorRefused.Why.NOT_IN_CALL, "agent " + agent.agent().id().value() + " is not in a call");
        }
        if (supervisorPhone.state() == AgentState.ON_CALL || supervisorPhone.state() == AgentState.OFFERED) {
            throw new MonitorRefused(MonitorRefused.Why.NO_PHONE, "the supervisor's phone (agent-"
                    + supervisor.phone().value() + ") is busy with a call of its own");
        }
        return new MonitorRequest(supervisor.user(), supervisor.phone(), agent.agent().id(), mode);
    }
}
