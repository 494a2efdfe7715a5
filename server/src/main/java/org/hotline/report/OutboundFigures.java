package org.hotline.report;

import java.util.Map;

/**
 * Outbound campaigns in a period: attempts by outcome (attempts that ended in it), and of the
 * contacts whose deadline fell in it and are settled, how many were reached by the deadline —
 * the handbooks' callback rate, kept against each contact's own deadline.
 */
public record OutboundFigures(Map<String, Long> attemptsByOutcome, Ratio reachedWithinDeadline) {

    public OutboundFigures {
        attemptsByOutcome = Map.copyOf(attemptsByOutcome);
    }

    public long attempts() {
        return attemptsByOutcome.values().stream().mapToLong(Long::longValue).sum();
    }
}
