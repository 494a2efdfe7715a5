package org.hotline.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.Tier;

/**
 * Who an agent's team lead is: the one the roster names for them ({@code teamLead}), while that
 * team lead is on the roster; else, so that an escalation always reaches somebody, the first team
 * lead of the roster by ID other than the agent themselves. Read from the roster as it is now
 * (admins change it while the server runs).
 */
public final class TeamLeads {

    private final Supplier<List<Agent>> roster;

    public TeamLeads(List<Agent> roster) {
        this(() -> roster);
    }

    /** @param roster the active agents now */
    public TeamLeads(Supplier<List<Agent>> roster) {
        this.roster = roster;
    }

    public Optional<AgentId> of(AgentId agent) {
        List<Agent> now = roster.get();
        List<AgentId> leads = now.stream().filter(a -> a.tier() == Tier.TEAM_LEAD).map(Agent::id).sorted().toList();
        Optional<AgentId> named = now.stream().filter(a -> a.id().equals(agent) && a.teamLead() != null)
                .map(Agent::teamLead).filter(leads::contains).findFirst();
        return named.isPresent() ? named : leads.stream().filter(id -> !id.equals(agent)).findFirst();
    }
}
