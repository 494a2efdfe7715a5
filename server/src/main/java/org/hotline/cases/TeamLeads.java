package org.hotline.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.Tier;

/**
 * Who an agent's team lead is: the one the roster names for them ({@code teamLead} in
 * {@code config/agents.yaml}); else, so that an escalation always reaches somebody, the first
 * team lead of the roster by ID other than the agent themselves.
 */
public final class TeamLeads {

    private final Map<AgentId, AgentId> named = new HashMap<>();
    private final List<AgentId> leads;

    public TeamLeads(List<Agent> roster) {
        roster.forEach(agent -> {
            if (agent.teamLead() != null) {
                named.put(agent.id(), agent.teamLead());
            }
        });
        leads = roster.stream().filter(agent -> agent.tier() == Tier.TEAM_LEAD).map(Agent::id).sorted().toList();
    }

    public Optional<AgentId> of(AgentId agent) {
        AgentId lead = named.get(agent);
        if (lead != null) {
            return Optional.of(lead);
        }
        return leads.stream().filter(id -> !id.equals(agent)).findFirst();
    }
}
