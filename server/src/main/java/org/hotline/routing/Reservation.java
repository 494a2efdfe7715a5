package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;

/**
 * An agent wanted for outbound work (a campaign contact), outside the inbound queues.
 *
 * @param holder       what the agent is reserved for (the contact's id): later steps name it, so a stale one is refused
 * @param skill        the agents who may take it
 * @param preferred    who should take it first when available (the case owner), or null
 * @param avoid        who must not take it (the customer was difficult with them), or null
 * @param inboundFirst whether an agent who could take a waiting inbound call is left for it
 */
public record Reservation(String holder, Skill skill, AgentId preferred, AgentId avoid, boolean inboundFirst) {

    public Reservation {
        if (holder == null || holder.isBlank() || skill == null) {
            throw new IllegalArgumentException("a reservation needs a holder and a skill");
        }
    }
}
