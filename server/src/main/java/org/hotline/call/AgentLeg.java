package org.hotline.call;

import java.time.Duration;

/**
 * How ringing an agent for a caller went.
 *
 * @param untilAnswer from the agent's phone starting to ring to their answer (the ring time if unanswered)
 * @param talk        how long the two talked (zero if unanswered)
 */
public record AgentLeg(Outcome outcome, Duration untilAnswer, Duration talk) {

    public enum Outcome {
        ANSWERED, NO_ANSWER, BUSY, UNAVAILABLE
    }
}
