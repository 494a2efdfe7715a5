package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;
import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * A call, or a callback request holding its caller's place, waiting for an agent.
 *
 * @param enqueuedAt   when it joined the queue; its place in line is counted from here, and kept when an offer bounces
 * @param vip          the customer file marks the caller as VIP
 * @param longDistance the caller's area differs from the centre's
 * @param caseOwner    the agent who owns the caller's open case (first-contact ownership), or null
 * @param advisor      the VIP's dedicated advisor, or null
 * @param callback     a callback request: the agent is reserved first, then the customer is dialled
 */
public record WaitingCall(CallId id, Skill skill, Instant enqueuedAt, boolean vip, boolean longDistance,
                          AgentId caseOwner, AgentId advisor, boolean callback) {

    public static WaitingCall ordinary(CallId id, Skill skill, Instant enqueuedAt) {
        return new WaitingCall(id, skill, enqueuedAt, false, false, null, null, false);
    }

    public WaitingCall asVip(AgentId dedicatedAdvisor) {
        return new WaitingCall(id, skill, enqueuedAt, true, longDistance, caseOwner, dedicatedAdvisor, callback);
    }

    public WaitingCall fromLongDistance() {
        return new WaitingCall(id, skill, enqueuedAt, vip, true, caseOwner, advisor, callback);
    }

    public WaitingCall ownedBy(AgentId owner) {
        return new WaitingCall(id, skill, enqueuedAt, vip, longDistance, owner, advisor, callback);
    }

    /** The caller hung up to be called back; the request keeps this call's place. */
    public WaitingCall asCallback() {
        return new WaitingCall(id, skill, enqueuedAt, vip, longDistance, caseOwner, advisor, true);
    }
}
