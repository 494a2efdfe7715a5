package org.hotline.routing;

import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * An agent's state as the distributor sees it.
 *
 * @param pauseAfterCall the pause the agent asked for during their call (it starts when the call ends), or null
 */
public record AgentStatus(Agent agent, AgentState state, PauseReason pauseReason, Instant since,
                          boolean phoneRegistered, boolean phoneBusy, CallId offeredCall, PauseReason pauseAfterCall) {

    public AgentStatus(Agent agent, AgentState state, PauseReason pauseReason, Instant since,
                       boolean phoneRegistered, boolean phoneBusy, CallId offeredCall) {
        this(agent, state, pauseReason, since, phoneRegistered, phoneBusy, offeredCall, null);
    }
}
