package org.hotline.access;

import org.hotline.shared.AgentId;

/** Who is asking: what the pages and API check before they answer. */
public record Viewer(String user, Role role, AgentId agent) {

    public boolean may(Permission permission) {
        return role.may(permission);
    }

    /** Supervisors act for any agent; an agent only for themselves. */
    public boolean mayActFor(AgentId other) {
        return may(Permission.SUPERVISE) || (agent != null && agent.equals(other));
    }
}
