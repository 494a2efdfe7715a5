package org.hotline.routing.roster;

import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;

/**
 * An agent as the roster keeps them. A disabled agent is off the floor and cannot log in or register
 * a phone; a removed one as well, for good: their ID is not given again, as past calls' records name it.
 *
 * @param phoneKey what the phone's account checks a password against (a digest, never the password), or
 *                 null for an agent of the seed, whose password is kept beside Asterisk's configuration
 */
public record RosterAgent(Agent agent, Standing standing, String phoneKey) {

    /** Where the agent stands on the roster. */
    public enum Standing { ACTIVE, DISABLED, REMOVED }

    public RosterAgent {
        if (agent == null || standing == null) {
            throw new IllegalArgumentException("an agent and their standing are required");
        }
    }

    /** An agent planted from the seed file: active, their phone's password kept beside Asterisk's configuration. */
    public static RosterAgent seeded(Agent agent) {
        return new RosterAgent(agent, Standing.ACTIVE, null);
    }

    public AgentId id() {
        return agent.id();
    }

    /** On the floor: may log in, register a phone and take calls. */
    public boolean active() {
        return standing == Standing.ACTIVE;
    }

    public RosterAgent with(Agent changed) {
        return new RosterAgent(changed, standing, phoneKey);
    }

    public RosterAgent with(Standing changed) {
        return new RosterAgent(agent, changed, phoneKey);
    }

    public RosterAgent withPhoneKey(String key) {
        return new RosterAgent(agent, standing, key);
    }
}
