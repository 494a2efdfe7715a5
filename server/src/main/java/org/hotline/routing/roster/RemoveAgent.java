package org.hotline.routing.roster;

import java.util.List;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * An admin removes an agent: as {@link DisableAgent}, for good. The roster keeps their ID and name, so the
 * records of their past calls still name them and the ID is not given to anyone else; refused while other
 * agents name them their team lead.
 */
public final class RemoveAgent {

    private final Roster roster;
    private final DeskLogins logins;
    private final RosterEffects effects;

    public RemoveAgent(Roster roster, DeskLogins logins, RosterEffects effects) {
        this.roster = roster;
        this.logins = logins;
        this.effects = effects;
    }

    /** Blocking: call it off the event loop. */
    public RosterAgent remove(AgentId id) {
        List<RosterAgent> all = roster.all();
        RosterAgent old = all.stream().filter(agent -> agent.id().equals(id) && agent.standing() != RosterAgent.Standing.REMOVED)
                .findFirst().orElseThrow(() -> new UnknownAgent(id.value()));
        List<String> led = RosterRules.ledBy(id, all);
        if (!led.isEmpty()) {
            throw new AgentConflict("agent " + id + " is the team lead of " + String.join(", ", led) + ": give them another team lead first");
        }
        if (old.active()) {
            effects.unseated(id);
        }
        RosterAgent kept = old.with(RosterAgent.Standing.REMOVED);
        roster.replace(kept);
        logins.close(id);
        effects.accountsChanged();
        return kept;
    }
}
