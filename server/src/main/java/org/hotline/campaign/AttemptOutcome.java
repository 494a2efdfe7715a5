package org.hotline.campaign;

/** How one try at a contact ended. */
public enum AttemptOutcome {
    /** The customer was reached: talked to an agent, answered the survey or heard the message. */
    REACHED,
    BUSY,
    NO_ANSWER,
    /** Congestion, an unreachable number, a call that could not be placed. */
    FAILED,
    ANSWERING_MACHINE,
    /** Reached but not satisfied and difficult: another time, another agent (the outbound procedure). */
    DIFFICULT_CUSTOMER,
    /** The reserved agent did not take the call, so the customer was never dialled: not the customer's try. */
    AGENT_NO_ANSWER,
    /** The agent declined the previewed contact, so the customer was never dialled: not the customer's try. */
    AGENT_DECLINED,
    /** The server stopped while the try was under way; what happened is unknown, so it counts as an attempt. */
    INTERRUPTED,
    /** The server stopped after claiming the contact but before dialling it: not the customer's try. */
    NEVER_DIALLED;

    /** Whether this outcome used one of the customer's attempts. */
    public boolean countsAsAttempt() {
        return this != AGENT_NO_ANSWER && this != AGENT_DECLINED && this != NEVER_DIALLED;
    }
}
