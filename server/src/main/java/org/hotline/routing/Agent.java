package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An agent as the administrator defines them.
 *
 * @param skills   what the agent can take, with a level from 1 (can) to 5 (expert)
 * @param teamLead the team lead the agent's escalated cases go to, or null (see {@code cases.TeamLeads})
 */
public record Agent(AgentId id, String name, Tier tier, Map<Skill, Integer> skills, AgentId teamLead) {

    public Agent(AgentId id, String name, Tier tier, Map<Skill, Integer> skills) {
        this(id, name, tier, skills, null);
    }

    public Agent {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("agent " + id + ": a name is required");
        }
        skills.forEach((skill, level) -> {
            if (level == null || level < 1 || level > 5) {
                throw new IllegalArgumentException("agent " + id + ": skill " + skill + " needs a level from 1 to 5");
            }
        });
        skills = Map.copyOf(new TreeMap<>(skills));
        if (id.equals(teamLead)) {
            throw new IllegalArgumentException("agent " + id + ": cannot be their own team lead");
        }
    }

    /** The same agent taking other queues (a supervisor moved them). */
    public Agent withSkills(Map<Skill, Integer> changed) {
        return new Agent(id, name, tier, changed, teamLead);
    }

    public Optional<Integer> level(Skill skill) {
        return Optional.ofNullable(skills.get(skill));
    }
}
