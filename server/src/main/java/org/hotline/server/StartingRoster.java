package org.hotline.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents the floor starts with: the roster, with the skills supervisors changed since. A saved
 * skill whose queue the menu no longer has is dropped; an agent left with none keeps the roster's.
 */
final class StartingRoster {

    private static final Logger LOG = LoggerFactory.getLogger(StartingRoster.class);

    private StartingRoster() {
    }

    static List<Agent> of(List<Agent> roster, Map<AgentId, Map<Skill, Integer>> saved, Set<Skill> queues) {
        List<Agent> agents = new ArrayList<>(roster.size());
        for (Agent agent : roster) {
            Map<Skill, Integer> changed = saved.get(agent.id());
            agents.add(changed == null ? agent : withSaved(agent, changed, queues));
        }
        return List.copyOf(agents);
    }

    private static Agent withSaved(Agent agent, Map<Skill, Integer> changed, Set<Skill> queues) {
        Map<Skill, Integer> kept = new TreeMap<>(changed);
        if (kept.keySet().retainAll(queues)) {
            LOG.warn("agent {}: saved skills for queues the menu no longer has are dropped", agent.id());
        }
        if (kept.isEmpty()) {
            return agent;
        }
        try {
            Agent moved = agent.withSkills(kept);
            LOG.info("agent {}: skills as last changed from the console {} (they win over the roster's)", agent.id(), kept);
            return moved;
        } catch (IllegalArgumentException e) {
            LOG.warn("agent {}: saved skills not used ({}); the roster's apply", agent.id(), e.getMessage());
            return agent;
        }
    }
}
