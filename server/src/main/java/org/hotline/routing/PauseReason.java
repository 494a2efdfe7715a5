package org.hotline.routing;

/** Why an agent is not taking calls for now. */
public enum PauseReason {
    BREAK, TRAINING, ADMIN,
    /** Set by the distributor when the agent's phone rang out without an answer. */
    RING_NO_ANSWER
}
