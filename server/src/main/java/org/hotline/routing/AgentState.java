package org.hotline.routing;

/** Where an agent is in their working day, as the distributor sees it. */
public enum AgentState {
    LOGGED_OUT,
    READY,
    /** Their phone is ringing with a call (or a callback is reserved for them). */
    OFFERED,
    ON_CALL,
    WRAP_UP,
    PAUSED
}
