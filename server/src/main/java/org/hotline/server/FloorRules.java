package org.hotline.server;

import java.time.Duration;
import org.hotline.call.ServiceHours;
import org.hotline.routing.CallbackPolicy;

/**
 * The floor's timings.
 *
 * @param wrapUp       after a conversation, how long the agent has before the next call
 * @param agentRingFor how long an agent's phone rings for an offer (the three-ring rule)
 * @param callbacks    deadlines and retries of callback requests
 * @param hours        service hours (a request made outside them is due from the next opening)
 */
record FloorRules(Duration wrapUp, Duration agentRingFor, CallbackPolicy callbacks, ServiceHours hours) {
}
