package org.hotline.telephony.pjsip;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.shared.AgentId;

/**
 * The agents who chose their browser phone: those whose browser phone is registered now. The desktop
 * registers it when the agent chooses it and unregisters it when they go back to their SIP phone, so
 * the registration is the choice, and Asterisk's own account of it survives a server restart.
 */
public final class BrowserPhones {

    private final Set<AgentId> registered = ConcurrentHashMap.newKeySet();

    /** The agent's browser phone registered (true) or went away (false); any thread. */
    public void registered(AgentId agent, boolean now) {
        if (now) {
            registered.add(agent);
        } else {
            registered.remove(agent);
        }
    }

    /** Whether calls for the agent ring their browser phone rather than their SIP phone. */
    public boolean chosenBy(AgentId agent) {
        return registered.contains(agent);
    }
}
