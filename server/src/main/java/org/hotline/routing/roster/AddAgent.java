package org.hotline.routing.roster;

import java.util.List;
import org.hotline.routing.Agent;

/**
 * An admin adds an agent: checked against the roster's rules, kept, seated on the floor (logged out),
 * their phone account loaded into Asterisk at once and a desktop login made. Their first passwords are
 * generated here and returned once; only a digest (phone) and a hash (desktop) are kept.
 */
public final class AddAgent {

    private final Roster roster;
    private final RosterRules rules;
    private final FirstPasswords passwords;
    private final PhoneKeys keys;
    private final DeskLogins logins;
    private final RosterEffects effects;

    public AddAgent(Roster roster, RosterRules rules, FirstPasswords passwords, PhoneKeys keys, DeskLogins logins,
                    RosterEffects effects) {
        this.roster = roster;
        this.rules = rules;
        this.passwords = passwords;
        this.keys = keys;
        this.logins = logins;
        this.effects = effects;
    }

    /** Blocking (the store, the floor, Asterisk): call it off the event loop. */
    public NewAgent add(Agent agent) {
        List<RosterAgent> all = roster.all();
        for (RosterAgent other : all) {
            // IDs differing only in case would share a login name and confuse people reading them out.
            if (other.id().value().equalsIgnoreCase(agent.id().value())) {
                throw new AgentConflict(other.standing() == RosterAgent.Standing.REMOVED
                        ? "agent ID " + other.id() + " belonged to a removed agent: past calls name it, so it is not given again"
                        : "agent ID " + other.id() + " is taken");
            }
        }
        rules.check(agent, all);
        String phonePassword = passwords.next();
        String deskPassword = passwords.next();
        RosterAgent kept = new RosterAgent(agent, RosterAgent.Standing.ACTIVE, keys.keyOf(agent.id(), phonePassword));
        String login = logins.open(agent, deskPassword);
        roster.add(kept);
        effects.seated(agent);
        effects.accountsChanged();
        return new NewAgent(kept, login, phonePassword, deskPassword);
    }
}
