package org.hotline.campaign;

import java.time.Instant;
import org.hotline.shared.AgentId;

/**
 * Places an agent-first campaign call: rings the reserved agent, and once they answer dials the
 * customer, so the customer never waits in silence for an agent. Returns at once; the listener
 * hears from any thread, {@link OutboundLine.Listener#ended} exactly once (with
 * {@link AttemptOutcome#AGENT_NO_ANSWER} when the agent did not take the call, and
 * {@link AttemptOutcome#NEVER_DIALLED} when it could not be placed at all).
 */
public interface AgentFirstLine {

    void dial(Campaign campaign, Contact contact, AgentId agent, Listener listener);

    /** Whether calls can be placed now (the link to the switch is up): no contact is claimed while they cannot. */
    default boolean ready() {
        return true;
    }

    interface Listener extends OutboundLine.Listener {

        /** The agent picked up; the customer is dialled next. */
        void agentAnswered(Instant at);
    }
}
