package org.hotline.campaign;

/** What a campaign's calls are for, and so whether an agent is on them. */
public enum CampaignKind {
    /** An agent talks to the customer: reserved first, then the customer is dialled (agent-first progressive). */
    CALLBACK(true),
    /** Agentless: the customer answers 1–5 on the keypad. */
    SURVEY(false),
    /** Agentless: a recorded message, e.g. a defect notice. */
    NOTIFICATION(false);

    private final boolean needsAgent;

    CampaignKind(boolean needsAgent) {
        this.needsAgent = needsAgent;
    }

    public boolean needsAgent() {
        return needsAgent;
    }
}
