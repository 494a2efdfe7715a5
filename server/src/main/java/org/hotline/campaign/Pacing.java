package org.hotline.campaign;

/** How a campaign's calls meet agents. */
public enum Pacing {
    /** An agent is reserved and shown the contact and script, then the customer is dialled at once. */
    PROGRESSIVE,
    /** Like progressive, but the agent accepts the contact before the customer is dialled. */
    PREVIEW,
    /** No agent: the call plays a message or asks a question. */
    AGENTLESS
}
