package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' skills as a supervisor last set them, in {@value MongoServiceHours#COLLECTION} under
 * {@code _id: "agent-skills"}: {@code {agents: {"010": {skills: {orders: 3}, changedBy, changedAt}}}}.
 * Read at start-up, where they win over the roster's.
 */
public final class MongoAgentSkills {

    private static final Logger LOG = LoggerFactory.getLogger(MongoAgentSkills.class);
    private static final String ID = "agent-skills";

    private final MongoCollection<Document> settings;

    public MongoAgentSkills(MongoCollection<Document> settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public void save(AgentId agent, Map<Skill, Integer> skills, String changedBy, Instant at) {
        Document levels = new Document();
        new TreeMap<>(skills).forEach((skill, level) -> levels.append(skill.name(), level));
        // An agent ID is letters and digits only, so it is safe as a field name.
        settings.updateOne(eq("_id", ID), Updates.set("agents." + agent.value(), new Document("skills", levels)
                .append("changedBy", changedBy).append("changedAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    /**
     * The skills last saved, by agent. An entry this version cannot read is left out (and logged):
     * that agent keeps the roster's skills rather than the server not starting.
     */
    public Map<AgentId, Map<Skill, Integer>> load() {
        Document saved = settings.find(eq("_id", ID)).first();
        Map<AgentId, Map<Skill, Integer>> byAgent = new LinkedHashMap<>();
        if (saved == null || !(saved.get("agents") instanceof Document agents)) {
            return byAgent;
        }
        agents.forEach((id, entry) -> {
            try {
                Map<Skill, Integer> skills = new TreeMap<>();
                ((Document) entry).get("skills", Document.class).forEach((name, level) -> skills.put(new Skill(name), (Integer) level));
                byAgent.put(new AgentId(id), skills);
            } catch (RuntimeException e) {
                LOG.warn("saved skills of agent {} not read ({}); the roster's apply", org.hotline.shared.Printable.of(id), e.toString());
            }
        });
        return byAgent;
    }
}
