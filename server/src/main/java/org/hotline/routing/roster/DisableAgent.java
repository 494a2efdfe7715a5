package org.hotline.routing.roster;

import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * An admin disables an agent: logged out and off the floor (refused while a call rings or is connected
 * to them), their phone account taken out of Asterisk, their desktop logins disabled and sessions ended.
 * The roster keeps them, with their phone's key, for {@link EnableAgent}.
 */
public final class DisableAgent {

    private final Roster roster;
    private final DeskLogins logins;
    private final RosterEffects effects;

    public DisableAgent(Roster roster, DeskLogins logins, RosterEffects effects) {
        this.roster = roster;
        this.logins = logins;
        this.effects = effects;
    }

    /** Blocking: call it off the event loop. Disabling a disabled agent changes nothing. */
    public RosterAgent disable(AgentId id) {
        RosterAgent old = roster.find(id).filter(agent -> agent.standing() != RosterAgent.Standing.REMOVED)
                .orElseThrow(() -> new UnknownAgent(id.value()));
        if (!old.active()) {
            return old;
        }
        effects.unseated(id);
        RosterAgent kept = old.with(RosterAgent.Standing.DISABLED);
        roster.replace(kept);
        logins.close(id);
        effects.accountsChanged();
        return kept;
    }
}
