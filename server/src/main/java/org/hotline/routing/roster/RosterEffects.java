package org.hotline.routing.roster;

import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;

/** What a change of the roster does at once, beyond the store: the floor's seats and the phones' accounts in Asterisk. */
public interface RosterEffects {

    /** The agent takes a seat on the floor, logged out, until their phone registers and they log in. */
    void seated(Agent agent);

    /** The agent's name, tier, team lead or skills changed: from the next offer on. */
    void changed(Agent agent);

    /**
     * The agent is logged out and leaves the floor.
     *
     * @throws AgentConflict while a call rings or is connected to them (nothing changed)
     */
    void unseated(AgentId agent);

    /** The phone accounts of the active agents, as the roster now has them, are written and loaded into Asterisk. */
    void accountsChanged();
}
