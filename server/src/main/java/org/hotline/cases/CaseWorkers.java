package org.hotline.cases;

import org.hotline.shared.AgentId;

/**
 * Which agents may work on a case (move it on, open a follow-up of it, read it): its owner
 * (first-contact ownership) and the owner's team lead, who receives escalations and follow-ups, or
 * the lead it was escalated to. Supervisors and administrators may work on any case; that is the
 * access layer's part, as roles are.
 */
public final class CaseWorkers {

    private final TeamLeads leads;

    public CaseWorkers(TeamLeads leads) {
        this.leads = leads;
    }

    public boolean include(Case workedOn, AgentId agent) {
        if (agent == null) {
            return false;
        }
        if (agent.equals(workedOn.owner())) {
            return true;
        }
        if (workedOn.escalation() != null && agent.equals(workedOn.escalation().to())) {
            return true;
        }
        return workedOn.owner() != null && leads.of(workedOn.owner()).filter(agent::equals).isPresent();
    }
}
