package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.routing.roster.AgentConflict;
import org.hotline.routing.roster.Roster;
import org.hotline.routing.roster.RosterAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;

/**
 * The roster in MongoDB, one document per agent it ever had in {@value #COLLECTION}, keyed by the ID:
 * {@code {_id: "010", name, tier: "front-line", skills: {orders: 3}, teamLead, standing: "active", phoneKey}}.
 * The phone's key is a digest; no password is kept here.
 */
public final class MongoRoster implements Roster {

    static final String COLLECTION = "agents";

    private final MongoCollection<Document> agents;

    public MongoRoster(MongoCollection<Document> agents) {
        this.agents = Objects.requireNonNull(agents);
    }

    @Override
    public List<RosterAgent> all() {
        List<RosterAgent> all = new ArrayList<>();
        agents.find().sort(new Document("_id", 1)).forEach(document -> all.add(agent(document)));
        return all;
    }

    @Override
    public Optional<RosterAgent> find(AgentId id) {
        return Optional.ofNullable(agents.find(eq("_id", id.value())).first()).map(MongoRoster::agent);
    }

    @Override
    public void add(RosterAgent agent) {
        try {
            agents.insertOne(document(agent));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new AgentConflict("agent ID " + agent.id() + " is taken");
            }
            throw e;
        }
    }

    @Override
    public void replace(RosterAgent agent) {
        agents.replaceOne(eq("_id", agent.id().value()), document(agent));
    }

    @Override
    public List<Agent> plant(List<Agent> seed) {
        List<Agent> planted = new ArrayList<>();
        for (Agent agent : seed) {
            try {
                agents.insertOne(document(RosterAgent.seeded(agent)));
                planted.add(agent);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // on the roster already: as admins left them
            }
        }
        return planted;
    }

    private static Document document(RosterAgent kept) {
        Agent agent = kept.agent();
        Document skills = new Document();
        new TreeMap<>(agent.skills()).forEach((skill, level) -> skills.append(skill.name(), level));
        return new Document("_id", agent.id().value())
                .append("name", agent.name())
                .append("tier", dashed(agent.tier().name()))
                .append("skills", skills)
                .append("teamLead", agent.teamLead() == null ? null : agent.teamLead().value())
                .append("standing", dashed(kept.standing().name()))
                .append("phoneKey", kept.phoneKey());
    }

    private static RosterAgent agent(Document document) {
        try {
            Map<Skill, Integer> skills = new TreeMap<>();
            document.get("skills", Document.class).forEach((name, level) -> skills.put(new Skill(name), (Integer) level));
            String lead = document.getString("teamLead");
            Agent agent = new Agent(new AgentId(document.getString("_id")), document.getString("name"),
                    Tier.valueOf(undashed(document.getString("tier"))), skills, lead == null ? null : new AgentId(lead));
            return new RosterAgent(agent, RosterAgent.Standing.valueOf(undashed(document.getString("standing"))),
                    document.getString("phoneKey"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("agent " + document.get("_id") + " is stored in a form this version cannot read: "
                    + e.getMessage(), e);
        }
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String undashed(String text) {
        return text.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
