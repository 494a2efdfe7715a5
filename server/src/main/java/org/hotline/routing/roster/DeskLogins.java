package org.hotline.routing.roster;

import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;

/** The agents' logins to the desktop (users of the agent role), as the roster changes. */
public interface DeskLogins {

    /**
     * A login for the new agent with this password (kept only as a hash).
     *
     * @return the login's name
     * @throws AgentConflict when that name is taken
     */
    String open(Agent agent, String password);

    /** Every login of the agent is disabled and its sessions end. */
    void close(AgentId agent);

    /** The agent's logins may log in again (an agent enabled again). */
    void reopen(AgentId agent);
}
