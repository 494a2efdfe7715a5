package org.hotline.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;

/**
 * Reads the agents the administrator defines ({@code config/agents.yaml}). Every problem names
 * the entry it is in, e.g. {@code agents[2] (012): unknown skill 'refunds'}.
 */
final class AgentRoster {

    private static final Set<String> FIELDS = Set.of("id", "name", "tier", "skills", "teamLead");

    private AgentRoster() {
    }

    /** @param queues the skills calls can be queued for (the menu's choices); an agent's skills must be among them */
    public static List<Agent> load(Path file, Set<Skill> queues) {
        JsonNode root = YamlFile.read(file, "agents.file", "'agents:' followed by a list");
        JsonNode list = root.get("agents");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException("agents: expected a list of agents (lines starting with '- id:')");
        }
        List<Agent> agents = new ArrayList<>();
        Map<AgentId, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Agent agent = agent(list.get(i), i, queues);
            Integer earlier = seen.putIfAbsent(agent.id(), i);
            if (earlier != null) {
                throw new ConfigException("agents[" + i + "] (" + agent.id() + "): the ID is already used by agents[" + earlier + "]");
            }
            agents.add(agent);
        }
        checkTeamLeads(agents);
        return List.copyOf(agents);
    }

    /** An agent's team lead must be another agent of the roster, of the team-lead tier. */
    private static void checkTeamLeads(List<Agent> agents) {
        Map<AgentId, Agent> byId = new HashMap<>();
        agents.forEach(agent -> byId.put(agent.id(), agent));
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            if (agent.teamLead() == null) {
                continue;
            }
            Agent lead = byId.get(agent.teamLead());
            String where = "agents[" + i + "] (" + agent.id() + ").teamLead: ";
            if (lead == null) {
                throw new ConfigException(where + "\"" + agent.teamLead() + "\" is not an agent in the roster");
            }
            if (lead.tier() != Tier.TEAM_LEAD) {
                throw new ConfigException(where + "\"" + agent.teamLead() + "\" is not a team lead (tier: team-lead)");
            }
        }
    }

    private static Agent agent(JsonNode node, int index, Set<Skill> queues) {
        String where = "agents[" + index + "]";
        if (!node.isObject()) {
            throw new ConfigException(where + ": expected id, name, tier and skills");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new ConfigException(where + "." + field + ": unknown setting (id, name, tier, skills, teamLead)");
            }
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || idNode.isNull()) {
            throw new ConfigException(where + ".id: is required");
        }
        if (!idNode.isTextual()) {
            throw new ConfigException(where + ".id: write the ID in quotes (e.g. \"010\") so leading zeros are kept");
        }
        if (!AgentId.isValid(idNode.asText())) {
            throw new ConfigException(where + ".id: '" + idNode.asText() + "' is not an agent ID (1-16 letters or digits)");
        }
        AgentId id = new AgentId(idNode.asText());
        where = where + " (" + id + ")";
        String name = text(node, "name");
        if (name == null) {
            throw new ConfigException(where + ".name: is required");
        }
        if (name.codePointCount(0, name.length()) > 40 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ConfigException(where + ".name: at most 40 characters, no control characters");
        }
        Tier tier = tier(text(node, "tier"), where);
        Map<Skill, Integer> skills = skills(node.get("skills"), where, queues);
        return new Agent(id, name, tier, skills, teamLead(node.get("teamLead"), id, where));
    }

    private static AgentId teamLead(JsonNode node, AgentId id, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !AgentId.isValid(node.asText())) {
            throw new ConfigException(where + ".teamLead: the team lead's agent ID, in quotes (e.g. \"001\")");
        }
        AgentId lead = new AgentId(node.asText());
        if (lead.equals(id)) {
            throw new ConfigException(where + ".teamLead: an agent is not their own team lead");
        }
        return lead;
    }

    private static Tier tier(String text, String where) {
        if (text == null) {
            return Tier.FRONT_LINE;
        }
        try {
            return Tier.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".tier: '" + text + "' is not a tier (front-line, senior, team-lead)");
        }
    }

    private static Map<Skill, Integer> skills(JsonNode node, String where, Set<Skill> queues) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new ConfigException(where + ".skills: at least one skill with a level, e.g. {orders: 3}");
        }
        Map<Skill, Integer> skills = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Skill skill;
            try {
                skill = new Skill(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".skills: '" + entry.getKey() + "' is not a skill name");
            }
            if (!queues.contains(skill)) {
                throw new ConfigException(where + ".skills: unknown skill '" + skill + "' (queues: "
                        + String.join(", ", new TreeSet<>(queues.stream().map(Skill::name).toList())) + ")");
            }
            JsonNode level = entry.getValue();
            if (!level.isInt() || level.intValue() < 1 || level.intValue() > 5) {
                throw new ConfigException(where + ".skills." + skill + ": a level from 1 to 5");
            }
            skills.put(skill, level.intValue());
        }
        return skills;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
