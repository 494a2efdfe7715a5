package org.hotline.routing;

import java.time.Instant;
import org.hotline.call.CallId;

/** An agent's state as the distributor sees it. */
public record AgentStatus(Agent agent, AgentState state, PauseReason pauseReason, Instant since,
                          boolean phoneRegistered, boolean phoneBusy, CallId offeredCall) {
}
