package org.hotline.routing.roster;

import java.util.List;
import java.util.Optional;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;

/** Where the roster is kept, every agent it ever had (removed ones too); a store that does not answer throws. */
public interface Roster {

    List<RosterAgent> all();

    Optional<RosterAgent> find(AgentId id);

    /** @throws AgentConflict when the ID is taken (by an agent removed since, too) */
    void add(RosterAgent agent);

    /** Replaces the agent of that ID (who must be on the roster). */
    void replace(RosterAgent agent);

    /**
     * Plants each agent of the seed the roster has never had; an agent it has, as admins left them
     * (changed, disabled, removed), stays so. Returns those planted.
     */
    List<Agent> plant(List<Agent> seed);
}
