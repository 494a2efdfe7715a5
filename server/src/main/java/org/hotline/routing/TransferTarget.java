package org.hotline.routing;

import java.util.Objects;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;

/**
 * Where a caller is passed: a colleague or a queue (exactly one of the two).
 *
 * @param agent the colleague, or null
 * @param queue the queue, or null
 */
public record TransferTarget(AgentId agent, Skill queue) {

    public TransferTarget {
        if ((agent == null) == (queue == null)) {
            throw new IllegalArgumentException("a transfer goes to an agent or to a queue");
        }
    }

    public static TransferTarget agent(AgentId agent) {
        return new TransferTarget(Objects.requireNonNull(agent), null);
    }

    public static TransferTarget queue(Skill queue) {
        return new TransferTarget(null, Objects.requireNonNull(queue));
    }

    public boolean isQueue() {
        return queue != null;
    }

    /** As the record and the API name it: the agent's ID, or the queue's name. */
    public String name() {
        return isQueue() ? queue.name() : agent.value();
    }
}
