package org.hotline.routing;

import org.hotline.shared.AgentId;

/**
 * A supervisor joining an agent's call, as {@link Monitoring} allowed it.
 *
 * @param supervisor the user who asked
 * @param phone      the roster ID whose SIP phone the supervisor answers (their own account)
 * @param agent      the agent in a call
 */
public record MonitorRequest(String supervisor, AgentId phone, AgentId agent, MonitorMode mode) {
}
