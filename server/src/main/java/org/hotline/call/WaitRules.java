package org.hotline.call;

import java.time.Duration;
import java.util.Objects;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.Skill;

/**
 * How callers are looked after while they wait for a person.
 *
 * @param maxWait          how long a caller waits in a queue before being offered a callback and closed politely
 * @param announceEvery    how often the caller hears their position and expected wait
 * @param afterHoursQueue  the queue callback requests made outside service hours go to
 * @param survey           whether a caller whose agent hangs up first is asked for a 1–5 rating
 * @param agentRing        how long an agent's phone rings for the caller before the next agent is offered the call
 */
public record WaitRules(Duration maxWait, Duration announceEvery, Skill afterHoursQueue, boolean survey,
                        AgentRingRule agentRing) {

    public WaitRules {
        if (maxWait.isNegative() || maxWait.isZero() || announceEvery.isNegative() || announceEvery.isZero()) {
            throw new IllegalArgumentException("the maximum wait and the announcement interval must be positive");
        }
        Objects.requireNonNull(agentRing, "agentRing");
    }

    /** Five minutes' wait at most, announcements every minute, after-hours requests to the general queue, survey on. */
    public static WaitRules standard() {
        return new WaitRules(Duration.ofMinutes(5), Duration.ofMinutes(1), new Skill("agent"), true, AgentRingRule.handbook());
    }
}
