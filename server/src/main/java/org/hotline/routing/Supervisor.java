package org.hotline.routing;

import org.hotline.shared.AgentId;

/**
 * Who asks to join an agent's call, as the floor needs to know them.
 *
 * @param user          their user name (for the audit and the refusals)
 * @param maySupervise  whether their role lets them listen to agents' calls
 * @param phone         the roster ID whose SIP account is their phone, or null when they have none
 */
public record Supervisor(String user, boolean maySupervise, AgentId phone) {
}
