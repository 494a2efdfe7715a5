package org.hotline.http.agents;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.call.RecordingPauses;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;

/**
 * {@code POST /api/agents/{id}/recording/pause} and {@code .../resume}: the agent (or a supervisor for
 * them) pauses the recording of their call while a card number is read out, then resumes it.
 */
public final class RecordingPauseResource implements Resource {

    private final Vertx vertx;
    private final RecordingPauses pauses;

    public RecordingPauseResource(Vertx vertx, RecordingPauses pauses) {
        this.vertx = vertx;
        this.pauses = pauses;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/agents/:id/recording/pause").handler(ctx -> pause(ctx, true));
        router.post("/api/agents/:id/recording/resume").handler(ctx -> pause(ctx, false));
    }

    private void pause(RoutingContext ctx, boolean paused) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        if (!Viewers.of(ctx).map(viewer -> viewer.mayActFor(agent)).orElse(false)) {
            new ApiError(403, "only agent " + agent.value() + " or a supervisor pauses their recording").send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> {
            pauses.pause(agent, paused);
            return agent;
        }, false).onComplete(done -> {
            if (done.failed()) {
                ApiError error = done.cause() instanceof RecordingPauses.NotRecorded not ? new ApiError(409, not.getMessage())
                        : new ApiError(503, "Asterisk did not pause the recording: " + done.cause().getMessage());
                error.send(ctx.response());
            } else {
                Viewers.audited(ctx, "agent " + agent.value() + (paused ? " paused" : " resumed"));
                Responses.json(ctx, 202, new JsonObject().put("agent", agent.value()).put("paused", paused));
            }
        });
    }
}
