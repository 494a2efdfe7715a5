package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;
import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * The distributor's decision: ring this agent with this call (or, for a callback, reserve the
 * agent and then dial the customer).
 */
public record Offer(CallId call, AgentId agent, Skill skill, Instant at, boolean callback) {
}
