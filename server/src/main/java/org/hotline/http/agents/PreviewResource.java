package org.hotline.http.agents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.shared.AgentId;

/**
 * {@code POST /api/agents/{id}/campaign-contact/accept} and {@code …/decline}: with preview
 * pacing, the agent's word on the contact on their screen. Accepting dials the customer;
 * declining makes the agent ready again and gives the contact back without using an attempt.
 */
public final class PreviewResource implements Resource {

    private final Function<AgentId, Future<String>> accept;
    private final Function<AgentId, Future<String>> decline;

    /** Each returns the contact decided on, or fails with IllegalStateException when none waits for the agent. */
    public PreviewResource(Function<AgentId, Future<String>> accept, Function<AgentId, Future<String>> decline) {
        this.accept = accept;
        this.decline = decline;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/agents/:id/campaign-contact/accept").handler(ctx -> decide(ctx, accept, "accepted"));
        router.post("/api/agents/:id/campaign-contact/decline").handler(ctx -> decide(ctx, decline, "declined"));
    }

    private static void decide(RoutingContext ctx, Function<AgentId, Future<String>> decision, String done) {
        String id = ctx.pathParam("id");
        if (!AgentId.isValid(id)) {
            new ApiError(404, "no agent with that ID").send(ctx.response());
            return;
        }
        decision.apply(new AgentId(id)).onComplete(result -> {
            if (result.succeeded()) {
                Responses.json(ctx, 200, new JsonObject().put("contact", result.result()).put("decision", done));
            } else if (result.cause() instanceof IllegalStateException nothing) {
                new ApiError(409, nothing.getMessage()).send(ctx.response());
            } else {
                new ApiError(503, "the floor did not answer").send(ctx.response());
            }
        });
    }
}
