package org.hotline.http.campaigns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.Campaigns;
import org.hotline.campaign.Contact;
import org.hotline.campaign.DifficultCustomer;
import org.hotline.floor.CampaignRunner;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * {@code POST /api/campaigns/{id}/contacts/{contact}/outcome} with
 * {@code {"outcome": "difficult-customer", "agent": "010"}}: during their wrap-up, the agent who
 * reached the customer says the customer was difficult, so another agent calls at another time.
 */
public final class CampaignOutcomeResource implements Resource {

    public static final int BODY_LIMIT = 4096;
    private static final String DIFFICULT = "difficult-customer";

    private final Vertx vertx;
    private final Campaigns campaigns;
    private final DifficultCustomer difficult;
    private final CampaignRunner runner;
    private final Function<AgentId, Future<Boolean>> inWrapUp;

    /** @param inWrapUp whether the agent is in wrap-up now (fails with UnknownAgent for an agent not in the roster) */
    public CampaignOutcomeResource(Vertx vertx, Campaigns campaigns, DifficultCustomer difficult, CampaignRunner runner,
                                   Function<AgentId, Future<Boolean>> inWrapUp) {
        this.vertx = vertx;
        this.campaigns = campaigns;
        this.difficult = difficult;
        this.runner = runner;
        this.inWrapUp = inWrapUp;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/campaigns/:id/contacts/:contact/outcome").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT))
                .handler(this::outcome);
    }

    private void outcome(RoutingContext ctx) {
        CampaignId id = CampaignsResource.id(ctx);
        if (id == null) {
            return;
        }
        String contactId = ctx.pathParam("contact");
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        ApiError bad = !Contact.isValidId(contactId) ? ApiError.badParameter("contact", "not a contact id")
                : body == null ? ApiError.badParameter("body", "expected JSON like {\"outcome\": \"difficult-customer\", \"agent\": \"010\"}")
                : !DIFFICULT.equals(body.getValue("outcome")) ? ApiError.badParameter("outcome", "only difficult-customer can be set")
                : !(body.getValue("agent") instanceof String agent && AgentId.isValid(agent)) ? ApiError.badParameter("agent", "not an agent ID")
                : null;
        if (bad != null) {
            bad.send(ctx.response());
            return;
        }
        AgentId agent = new AgentId(body.getString("agent"));
        if (Viewers.of(ctx).map(viewer -> !viewer.mayActFor(agent)).orElse(false)) {
            new ApiError(403, "an agent sets outcomes only for their own calls").send(ctx.response());
            return;
        }
        inWrapUp.apply(agent).onComplete(checked -> {
            if (checked.failed()) {
                (checked.cause() instanceof UnknownAgent ? new ApiError(404, "no agent " + agent.value())
                        : new ApiError(503, "the floor did not answer")).send(ctx.response());
            } else if (!checked.result()) {
                new ApiError(409, "agent " + agent.value() + " is not in wrap-up: the outcome is set during wrap-up")
                        .send(ctx.response());
            } else {
                CampaignsResource.answer(vertx, ctx, runner.on(() -> {
                    var campaign = campaigns.find(id).orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
                    return difficult.mark(campaign, contactId, agent);
                }), after -> Responses.json(ctx, 200, new JsonObject()
                        .put("contact", after.id())
                        .put("status", CampaignsResource.name(after.status()))
                        .put("attempts", after.attempts())
                        .put("nextAttemptAt", after.nextAttemptAt() == null ? null : after.nextAttemptAt().toString())
                        .put("avoidAgent", after.avoidAgent() == null ? null : after.avoidAgent().value())));
            }
        });
    }
}
