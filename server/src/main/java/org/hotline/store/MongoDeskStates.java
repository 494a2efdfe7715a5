package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.hotline.shared.Printable;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.DeskLog;
import org.hotline.routing.DeskState;
import org.hotline.routing.PauseReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' desk states in {@value MongoServiceHours#COLLECTION} under {@code _id: "agent-desks"}:
 * {@code {agents: {"010": {state: "paused", reason: "break", since}}}}, written at each change and
 * read at start-up, so a restart logs nobody out and makes no paused agent ready.
 */
public final class MongoDeskStates implements DeskLog {

    private static final Logger LOG = LoggerFactory.getLogger(MongoDeskStates.class);
    private static final String ID = "agent-desks";

    private final MongoCollection<Document> settings;
    private final StoreFence fence;

    public MongoDeskStates(MongoCollection<Document> settings) {
        this(settings, StoreFence.none());
    }

    /** Each change carries the lease's token and is refused once another server holds the lease. */
    public MongoDeskStates(MongoCollection<Document> settings, StoreFence fence) {
        this.settings = Objects.requireNonNull(settings);
        this.fence = Objects.requireNonNull(fence);
    }

    @Override
    public void save(AgentId agent, DeskState state) {
        Document kept = new Document("state", state.state().name().toLowerCase(java.util.Locale.ROOT))
                .append("since", Date.from(state.since()));
        if (state.reason() != null) {
            kept.append("reason", state.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
        // An agent ID is letters and digits only, so it is safe as a field name.
        StoreFence.Token token = fence.check();
        token.upsert(settings, eq("_id", ID), StoreFence.FIELD,
                token.stamp(Updates.set("agents." + agent.value(), kept), StoreFence.FIELD), "the agents' desk states");
    }

    @Override
    public Map<AgentId, DeskState> load() {
        Document saved = settings.find(eq("_id", ID)).first();
        Map<AgentId, DeskState> byAgent = new LinkedHashMap<>();
        if (saved == null || !(saved.get("agents") instanceof Document agents)) {
            return byAgent;
        }
        agents.forEach((id, entry) -> {
            try {
                Document kept = (Document) entry;
                String reason = kept.getString("reason");
                byAgent.put(new AgentId(id), new DeskState(AgentState.valueOf(kept.getString("state").toUpperCase(java.util.Locale.ROOT)),
                        reason == null ? null : PauseReason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)),
                        kept.getDate("since").toInstant()));
            } catch (RuntimeException e) {
                LOG.warn("kept desk state of agent {} not read ({}); they start logged out", Printable.of(id), e.toString());
            }
        });
        return byAgent;
    }
}
