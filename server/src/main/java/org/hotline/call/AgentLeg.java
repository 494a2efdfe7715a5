package org.hotline.call;

import java.time.Duration;

/**
 * How ringing an agent for a caller went.
 *
 * @param untilAnswer   from the agent's phone starting to ring to their answer (the ring time if unanswered)
 * @param talk          how long the two talked (zero if unanswered)
 * @param transferredBy the agent passed the caller on (a blind transfer from their phone): the
 *                      transfer's target takes over, or null
 */
public record AgentLeg(Outcome outcome, Duration untilAnswer, Duration talk, String transferredBy) {

    public AgentLeg(Outcome outcome, Duration untilAnswer, Duration talk) {
        this(outcome, untilAnswer, talk, null);
    }

    public boolean transferred() {
        return transferredBy != null;
    }

    public enum Outcome {
        ANSWERED, NO_ANSWER, BUSY, UNAVAILABLE
    }
}
