package org.hotline.routing.roster;

import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * An admin gives an agent a new phone password (the first one lost, or a phone handed on): generated,
 * answered once, kept only as the account's key; the account is loaded again at once, so the old password
 * stops working at the phone's next registration.
 */
public final class NewPhonePassword {

    private final Roster roster;
    private final FirstPasswords passwords;
    private final PhoneKeys keys;
    private final RosterEffects effects;

    public NewPhonePassword(Roster roster, FirstPasswords passwords, PhoneKeys keys, RosterEffects effects) {
        this.roster = roster;
        this.passwords = passwords;
        this.keys = keys;
        this.effects = effects;
    }

    /** Blocking: call it off the event loop. Returns the new password, which nothing keeps. */
    public String renew(AgentId id) {
        RosterAgent old = roster.find(id).filter(agent -> agent.standing() != RosterAgent.Standing.REMOVED)
                .orElseThrow(() -> new UnknownAgent(id.value()));
        String password = passwords.next();
        roster.replace(old.withPhoneKey(keys.keyOf(id, password)));
        effects.accountsChanged();
        return password;
    }
}
