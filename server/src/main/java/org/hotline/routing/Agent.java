package org.hotline.routing;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An agent as the administrator defines them.
 *
 * @param skills what the agent can take, with a level from 1 (can) to 5 (expert)
 */
public record Agent(AgentId id, String name, Tier tier, Map<Skill, Integer> skills) {

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
    }

    public Optional<Integer> level(Skill skill) {
        return Optional.ofNullable(skills.get(skill));
    }
}
