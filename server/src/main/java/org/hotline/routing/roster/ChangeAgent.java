package org.hotline.routing.roster;

import org.hotline.routing.Agent;
import org.hotline.routing.UnknownAgent;

/**
 * An admin changes an agent's name, tier, team lead or skills (the ID stays): kept, and on the floor
 * from the next offer on. A call already ringing the agent stays theirs.
 */
public final class ChangeAgent {

    private final Roster roster;
    private final RosterRules rules;
    private final RosterEffects effects;

    public ChangeAgent(Roster roster, RosterRules rules, RosterEffects effects) {
        this.roster = roster;
        this.rules = rules;
        this.effects = effects;
    }

    /** Blocking: call it off the event loop. */
    public RosterAgent change(Agent changed) {
        RosterAgent old = roster.find(changed.id()).filter(agent -> agent.standing() != RosterAgent.Standing.REMOVED)
                .orElseThrow(() -> new UnknownAgent(changed.id().value()));
        rules.check(changed, roster.all());
        RosterAgent kept = old.with(changed);
        roster.replace(kept);
        if (kept.active()) {
            effects.changed(changed);
        }
        return kept;
    }
}
