package org.hotline.call;

import org.hotline.shared.CallId;
import java.time.Instant;
import org.hotline.cases.KnownCaller;
import org.hotline.shared.AgentId;

/**
 * What an agent's desktop shows when their phone rings.
 *
 * @param waitedLong the caller has waited past the apology threshold: the agent should apologise too
 * @param callback   the agent is about to call the customer back (agent first), not taking an inbound call
 */
public record ScreenPop(CallId call, AgentId agent, String queue, CallerId caller, KnownCaller known, Instant waitingSince,
                        Instant ringAt, boolean waitedLong, boolean callback) {
}
