package org.hotline.routing.roster;

import org.hotline.shared.AgentId;

/** Turns an agent's phone password into what their phone account keeps instead (a digest the password is checked against). */
@FunctionalInterface
public interface PhoneKeys {

    String keyOf(AgentId agent, String password);
}
