package org.hotline.routing;

import java.time.Duration;

/**
 * How callers are ordered in a queue. Priority is expressed as a head start in waiting time:
 * a VIP is placed as if they had already waited {@code vipHeadStart}. Everyone then ages at the
 * same rate, so a head start is bounded and no caller starves: an ordinary caller who has waited
 * longer than a VIP's head start is served before a VIP who just arrived.
 *
 * @param vipHeadStart          head start of a VIP customer (customer file flag)
 * @param longDistanceHeadStart head start of a caller from outside the centre's area (handbook: long distance first)
 * @param ownerWindow           how long a returning customer's call waits for the agent who owns their open case
 */
public record PriorityRules(Duration vipHeadStart, Duration longDistanceHeadStart, Duration ownerWindow) {

    public PriorityRules {
        if (vipHeadStart.isNegative() || longDistanceHeadStart.isNegative() || ownerWindow.isNegative()) {
            throw new IllegalArgumentException("head starts and the owner window cannot be negative");
        }
    }

    public static PriorityRules standard() {
        return new PriorityRules(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    Duration headStart(WaitingCall call) {
        Duration start = Duration.ZERO;
        if (call.vip()) {
            start = start.plus(vipHeadStart);
        }
        if (call.longDistance()) {
            start = start.plus(longDistanceHeadStart);
        }
        return start;
    }
}
