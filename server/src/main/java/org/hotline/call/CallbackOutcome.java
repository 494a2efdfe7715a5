package org.hotline.call;

/** How one try at calling a customer back went. */
public enum CallbackOutcome {
    /** The reserved agent's phone was not answered; the request keeps its place for the next agent. */
    AGENT_NO_ANSWER,
    /** The customer answered and talked to the agent. */
    CUSTOMER_ANSWERED,
    CUSTOMER_NO_ANSWER,
    CUSTOMER_BUSY,
    /** The number could not be reached (no route, congestion, refused). */
    CUSTOMER_UNAVAILABLE
}
