package org.hotline.campaign;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.hotline.shared.AgentId;

/**
 * The agents' side of an agent-first campaign call: reserving an agent for a contact, showing
 * them the contact and the script, and following their state through the call. Reservations
 * name the contact, so a late report about another contact changes nothing.
 */
public interface CampaignAgents {

    /**
     * Reserves a ready agent with the campaign's skill for the contact (the case owner first,
     * never the agent to avoid; with inbound first, only one no inbound call waits for), or empty.
     */
    Optional<AgentId> reserve(Campaign campaign, Contact contact);

    /**
     * Shows the claimed contact and the filled-in script on the agent's screen. Completes with
     * {@link Presented#DIAL} at once, or with preview pacing once the agent accepts. When the
     * agent declined (released) or did not accept in time (paused), their state is already
     * settled: only the contact is left to give back.
     */
    CompletionStage<Presented> present(AgentId agent, Campaign campaign, Contact claimed);

    /** What the agent made of the contact shown to them. */
    enum Presented { DIAL, DECLINED, LAPSED }

    /** The agent answered their phone: on the call. */
    void answered(AgentId agent, Contact contact);

    /** The agent's phone was not answered: paused with ring-no-answer. */
    void notAnswered(AgentId agent, Contact contact);

    /** The agent's call is over: wrap-up. */
    void callEnded(AgentId agent, Contact contact);

    /** The reservation is withdrawn (contact lost, call not placed): ready again, without blame. */
    void release(AgentId agent, Contact contact);
}
