package org.hotline.floor;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignAgents;
import org.hotline.campaign.Contact;
import org.hotline.campaign.OutboundScript;
import org.hotline.campaign.Pacing;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.Distributor;
import org.hotline.routing.Reservation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaign agents on the floor: reservations go through the distributor on the floor's context
 * (so inbound dispatch and outbound reservations never race), the screen pop with the filled-in
 * script goes to the agent's desktop, and previewed contacts wait for the agent's accept.
 * Reports that name a contact the agent is no longer reserved for change nothing.
 */
public final class FloorCampaignAgents implements CampaignAgents {

    private static final Logger LOG = LoggerFactory.getLogger(FloorCampaignAgents.class);

    private final Floor floor;
    private final LiveFeed live;
    private final OutboundScript script;
    private final Duration previewFor;
    private final Clock clock;
    /** Previewed contacts waiting for their agent's word; confined to the floor's context. */
    private final Map<AgentId, Preview> previews = new HashMap<>();

    private record Preview(String contact, CompletableFuture<Presented> decision) {
    }

    /** @param previewFor how long a previewed contact waits for the agent to accept before it is given back */
    public FloorCampaignAgents(Floor floor, LiveFeed live, OutboundScript script, Duration previewFor, Clock clock) {
        this.floor = floor;
        this.live = live;
        this.script = script;
        this.previewFor = previewFor;
        this.clock = clock;
    }

    @Override
    public Optional<AgentId> reserve(Campaign campaign, Contact contact) {
        var rules = campaign.rules();
        Reservation wanted = new Reservation(contact.id(), rules.skill(), contact.preferredAgent(), contact.avoidAgent(),
                rules.inboundFirst());
        return BlockingBridge.await(floor.withDistributor(distributor -> distributor.reserve(wanted)));
    }

    @Override
    public CompletionStage<Presented> present(AgentId agent, Campaign campaign, Contact claimed) {
        boolean preview = campaign.rules().pacing() == Pacing.PREVIEW;
        live.publish(LiveEvent.forAgent("offered", agent.value(), pop(agent, campaign, claimed, preview), clock.instant()));
        if (!preview) {
            return CompletableFuture.completedFuture(Presented.DIAL);
        }
        CompletableFuture<Presented> decision = new CompletableFuture<>();
        floor.withDistributor(distributor -> {
            Preview waiting = new Preview(claimed.id(), decision);
            previews.put(agent, waiting);
            floor.later(previewFor, () -> lapse(agent, waiting));
            return true;
        }).onFailure(decision::completeExceptionally);
        return decision;
    }

    /** The agent accepts the contact on their screen: the customer is dialled. Fails when nothing waits for them. */
    public Future<String> accept(AgentId agent) {
        return floor.withDistributor(distributor -> {
            Preview waiting = waitingFor(agent);
            previews.remove(agent);
            waiting.decision().complete(Presented.DIAL);
            return waiting.contact();
        });
    }

    /** The agent declines the contact: they are ready again, and the contact goes back without using an attempt. */
    public Future<String> decline(AgentId agent) {
        return floor.withDistributor(distributor -> {
            Preview waiting = waitingFor(agent);
            previews.remove(agent);
            distributor.releaseReservation(agent, waiting.contact());
            waiting.decision().complete(Presented.DECLINED);
            return waiting.contact();
        });
    }

    @Override
    public void answered(AgentId agent, Contact contact) {
        settle(agent, contact, distributor -> distributor.reservationAnswered(agent, contact.id()));
    }

    @Override
    public void notAnswered(AgentId agent, Contact contact) {
        settle(agent, contact, distributor -> distributor.reservationNotAnswered(agent, contact.id()));
    }

    @Override
    public void callEnded(AgentId agent, Contact contact) {
        settle(agent, contact, distributor -> {
            if (distributor.status(agent).state() == AgentState.ON_CALL) {
                distributor.callEnded(agent);
                floor.endWrapUpOnTime();
            }
        });
    }

    @Override
    public void release(AgentId agent, Contact contact) {
        settle(agent, contact, distributor -> distributor.releaseReservation(agent, contact.id()));
    }

    private Preview waitingFor(AgentId agent) {
        Preview waiting = previews.get(agent);
        if (waiting == null) {
            throw new IllegalStateException("no campaign contact waits for agent " + agent.value() + " to accept");
        }
        return waiting;
    }

    /** On the floor's context: a preview nobody answered in time gives the contact back and pauses the agent. */
    private void lapse(AgentId agent, Preview waiting) {
        floor.withDistributor(distributor -> {
            if (!previews.remove(agent, waiting)) {
                return false; // accepted or declined meanwhile
            }
            distributor.reservationNotAnswered(agent, waiting.contact());
            waiting.decision().complete(Presented.LAPSED);
            return true;
        });
    }

    private void settle(AgentId agent, Contact contact, java.util.function.Consumer<Distributor> change) {
        floor.withDistributor(distributor -> {
            change.accept(distributor);
            return true;
        }).onFailure(stale -> LOG.debug("agent {} and contact {}: {}", agent, contact.id(), stale.getMessage()));
    }

    /** The agent's screen: whom they are about to call, why, and what to say. */
    private Map<String, Object> pop(AgentId agent, Campaign campaign, Contact claimed, boolean preview) {
        var details = claimed.details();
        Map<String, Object> pop = new LinkedHashMap<>();
        pop.put("campaign", Map.of("id", campaign.id().value(), "name", campaign.name()));
        pop.put("contact", claimed.id());
        pop.put("callback", true);
        pop.put("preview", preview);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("number", claimed.number());
        customer.put("name", details.name());
        pop.put("caller", customer);
        pop.put("subject", details.subject());
        pop.put("originalDate", details.originalDate() == null ? null : details.originalDate().toString());
        pop.put("caseId", details.caseId());
        pop.put("deadline", claimed.deadline().toString());
        pop.put("attempt", claimed.attempts());
        pop.put("script", Map.of("zh", script.chinese(claimed, agent), "en", script.english(claimed, agent)));
        return pop;
    }
}
