package org.hotline.routing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Expected wait for a place in line: the callers ahead are shared among the agents at work, each
 * taking an average handling time (talk plus wrap-up) learnt from the last conversations. Until
 * there are any, the handbook's target call length (three minutes) stands in.
 */
public final class WaitEstimate {

    private static final int REMEMBERED = 50;

    private final Deque<Duration> recent = new ArrayDeque<>();
    private final Duration assumed;
    private Duration total = Duration.ZERO;

    public WaitEstimate(Duration assumedHandlingTime) {
        this.assumed = assumedHandlingTime;
    }

    public void handled(Duration handlingTime) {
        if (handlingTime.isNegative()) {
            return;
        }
        recent.addLast(handlingTime);
        total = total.plus(handlingTime);
        if (recent.size() > REMEMBERED) {
            total = total.minus(recent.removeFirst());
        }
    }

    public Duration averageHandling() {
        return recent.isEmpty() ? assumed : total.dividedBy(recent.size());
    }

    /** @param ahead callers ahead in line; @param agentsAtWork agents logged in for the queue (at least one counted) */
    public Duration forPlace(int ahead, int agentsAtWork) {
        long rounds = (ahead / Math.max(1, agentsAtWork)) + 1L;
        // The call at the head waits on average half a handling time for the next agent to free up.
        return averageHandling().multipliedBy(rounds * 2 - 1).dividedBy(2);
    }
}
