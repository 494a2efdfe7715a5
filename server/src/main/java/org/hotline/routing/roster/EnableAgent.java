package org.hotline.routing.roster;

import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/** An admin lets a disabled agent work again: back on the floor (logged out), phone account and desktop logins as before. */
public final class EnableAgent {

    private final Roster roster;
    private final DeskLogins logins;
    private final RosterEffects effects;

    public EnableAgent(Roster roster, DeskLogins logins, RosterEffects effects) {
        this.roster = roster;
        this.logins = logins;
        this.effects = effects;
    }

    /** Blocking: call it off the event loop. Enabling an active agent changes nothing. */
    public RosterAgent enable(AgentId id) {
        RosterAgent old = roster.find(id).filter(agent -> agent.standing() != RosterAgent.Standing.REMOVED)
                .orElseThrow(() -> new UnknownAgent(id.value()));
        if (old.active()) {
            return old;
        }
        RosterAgent kept = old.with(RosterAgent.Standing.ACTIVE);
        roster.replace(kept);
        effects.seated(kept.agent());
        logins.reopen(id);
        effects.accountsChanged();
        return kept;
    }
}
