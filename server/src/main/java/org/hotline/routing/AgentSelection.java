package org.hotline.routing;

import org.hotline.shared.Skill;
import java.util.Comparator;

/** Which available agent gets a queue's next call: the first in this order. Pluggable. */
public interface AgentSelection {

    Comparator<AvailableAgent> order(Skill skill);

    /** An agent able to take a call now, as a selection strategy sees them. */
    record AvailableAgent(Agent agent, int level, java.time.Instant idleSince) {
    }

    /**
     * The default: the most skilled agent first, and among equals the one idle longest, so work
     * is shared fairly and the best-suited agent answers.
     */
    static AgentSelection mostSkilledThenLongestIdle() {
        return skill -> Comparator.comparingInt((AvailableAgent a) -> -a.level())
                .thenComparing(AvailableAgent::idleSince)
                .thenComparing(a -> a.agent().id());
    }
}
