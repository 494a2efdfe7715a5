package org.hotline.floor;

import java.time.Duration;
import org.hotline.call.OpeningHours;
import org.hotline.routing.CallbackPolicy;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.TalkTimeRule;

/**
 * The floor's timings.
 *
 * @param wrapUp    after a conversation, how long the agent has before the next call
 * @param agentRing how long an agent's phone rings for an offer (the agent's ring rule)
 * @param callbacks deadlines and retries of callback requests
 * @param hours     service hours (a request made outside them is due from the next opening)
 * @param talkTime  when the agent is warned that a conversation runs long, and when it breaks the rule
 */
public record FloorRules(Duration wrapUp, AgentRingRule agentRing, CallbackPolicy callbacks, OpeningHours hours,
                         TalkTimeRule talkTime) {

    FloorRules(Duration wrapUp, AgentRingRule agentRing, CallbackPolicy callbacks, OpeningHours hours) {
        this(wrapUp, agentRing, callbacks, hours, TalkTimeRule.handbook());
    }

    Duration agentRingFor() {
        return agentRing.ringFor();
    }

    Duration talkWarning() {
        return talkTime.target();
    }

    Duration talkLimit() {
        return talkTime.limit();
    }
}
