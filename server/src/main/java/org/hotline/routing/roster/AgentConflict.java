package org.hotline.routing.roster;

/** The change cannot be made as things stand (the ID is taken, the agent is on a call, others name them team lead). */
public final class AgentConflict extends RuntimeException {

    public AgentConflict(String message) {
        super(message, null, false, false);
    }
}
