package org.hotline.campaign;

/** One running campaign's dialer as the runner paces it: a step now and then, within a budget of new calls. */
public interface PacedDialer {

    Campaign campaign();

    /** One pacing step starting at most {@code budget} calls; returns how many it started. */
    int step(int budget);

    /** Whether the last step found no contact due (so the campaign may be finished). */
    boolean nothingDue();

    /** Calls under way now. */
    int inFlight();
}
