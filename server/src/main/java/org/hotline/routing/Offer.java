package org.hotline.routing;

import java.time.Instant;
import org.hotline.call.CallId;

/**
 * The distributor's decision: ring this agent with this call (or, for a callback, reserve the
 * agent and then dial the customer).
 */
public record Offer(CallId call, AgentId agent, Skill skill, Instant at, boolean callback) {
}
