package org.hotline.floor;

import java.time.Duration;
import org.hotline.call.OpeningHours;
import org.hotline.routing.CallbackPolicy;

/**
 * The floor's timings.
 *
 * @param wrapUp       after a conversation, how long the agent has before the next call
 * @param agentRingFor how long an agent's phone rings for an offer (the three-ring rule)
 * @param callbacks    deadlines and retries of callback requests
 * @param hours        service hours (a request made outside them is due from the next opening)
 * @param talkWarning  how long a conversation runs before the agent is warned (the handbook's aim: 3 minutes)
 * @param talkLimit    how long before the conversation breaks the rule (never over 5 minutes)
 */
public record FloorRules(Duration wrapUp, Duration agentRingFor, CallbackPolicy callbacks, OpeningHours hours, Duration talkWarning,
                  Duration talkLimit) {

    public FloorRules(Duration wrapUp, Duration agentRingFor, CallbackPolicy callbacks, OpeningHours hours) {
        this(wrapUp, agentRingFor, callbacks, hours, Duration.ofMinutes(3), Duration.ofMinutes(5));
    }
}
