package org.hotline.routing.roster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;

/**
 * What an agent on the roster must be: a name of at most 40 characters, skills among the queues
 * (levels 1 to 5), and a team lead, when named, who is another agent on the roster (not removed) of the
 * team-lead tier. The ID's shape ({@link AgentId}: letters and digits) keeps it safe in a SIP account
 * name and in the dialplan.
 */
public final class RosterRules {

    static final int LONGEST_NAME = 40;

    private final Set<Skill> queues;

    /** @param queues the skills calls can be queued for (the menu's choices) */
    public RosterRules(Set<Skill> queues) {
        this.queues = Set.copyOf(queues);
    }

    /** Checks the agent as they would stand among the others of the roster. */
    void check(Agent agent, List<RosterAgent> roster) {
        String name = agent.name();
        if (name.codePointCount(0, name.length()) > LONGEST_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadAgent("name", "at most " + LONGEST_NAME + " characters, no control characters");
        }
        if (agent.skills().isEmpty()) {
            throw new BadAgent("skills", "at least one queue with a level from 1 to 5");
        }
        for (Map.Entry<Skill, Integer> skill : agent.skills().entrySet()) {
            if (!queues.contains(skill.getKey())) {
                throw new BadAgent("skills." + skill.getKey(), "not a queue (" + String.join(", ",
                        queues.stream().map(Skill::name).sorted().toList()) + ")");
            }
        }
        AgentId lead = agent.teamLead();
        if (lead != null) {
            RosterAgent named = roster.stream().filter(other -> other.id().equals(lead)
                    && other.standing() != RosterAgent.Standing.REMOVED).findFirst()
                    .orElseThrow(() -> new BadAgent("teamLead", "no agent " + lead + " on the roster"));
            if (named.agent().tier() != Tier.TEAM_LEAD) {
                throw new BadAgent("teamLead", "agent " + lead + " is not a team lead");
            }
        }
        if (agent.tier() != Tier.TEAM_LEAD) {
            List<String> led = ledBy(agent.id(), roster);
            if (!led.isEmpty()) {
                throw new AgentConflict("agent " + agent.id() + " is the team lead of " + String.join(", ", led)
                        + ": give them another team lead first");
            }
        }
    }

    /** The agents (not removed) who name this one their team lead. */
    static List<String> ledBy(AgentId lead, List<RosterAgent> roster) {
        return roster.stream().filter(other -> other.standing() != RosterAgent.Standing.REMOVED
                && lead.equals(other.agent().teamLead())).map(other -> other.id().value()).sorted().toList();
    }
}
