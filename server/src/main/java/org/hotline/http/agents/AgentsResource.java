package org.hotline.http.agents;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import org.hotline.floor.Floor;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.PauseReason;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * {@code GET /api/agents}, {@code GET /api/agents/{id}}: agents and their state;
 * {@code PUT /api/agents/{id}/state} with {@code {"state": "ready" | "paused" | "logged-out", "reason": …}}.
 */
public final class AgentsResource implements Resource {

    public static final int BODY_LIMIT = 4096;

    private final Floor floor;

    public AgentsResource(Floor floor) {
        this.floor = floor;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/agents").handler(ctx -> reply(ctx, floor.agents().map(list -> {
            JsonArray agents = new JsonArray();
            list.forEach(status -> agents.add(json(status)));
            return new JsonObject().put("agents", agents);
        })));
        router.get("/api/agents/:id").handler(ctx -> {
            AgentId id = id(ctx);
            if (id != null) {
                reply(ctx, floor.agent(id).map(AgentsResource::json));
            }
        });
        router.put("/api/agents/:id/state").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::changeState);
    }

    private void changeState(RoutingContext ctx) {
        AgentId id = id(ctx);
        if (id == null) {
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            ApiError.badParameter("body", "expected JSON like {\"state\": \"ready\"}").send(ctx.response());
            return;
        }
        Object state = body.getValue("state");
        Future<AgentStatus> change;
        if ("ready".equals(state)) {
            change = floor.ready(id);
        } else if ("logged-out".equals(state)) {
            change = floor.logOut(id);
        } else if ("paused".equals(state)) {
            PauseReason reason = reason(body.getValue("reason"));
            if (reason == null) {
                ApiError.badParameter("reason", "one of break, training, admin").send(ctx.response());
                return;
            }
            change = floor.pause(id, reason);
        } else {
            ApiError.badParameter("state", "one of ready, paused, logged-out").send(ctx.response());
            return;
        }
        reply(ctx, change.map(AgentsResource::json));
    }

    private static PauseReason reason(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        return switch (text) {
            case "break" -> PauseReason.BREAK;
            case "training" -> PauseReason.TRAINING;
            case "admin" -> PauseReason.ADMIN;
            default -> null; // ring-no-answer is the distributor's to set, not a client's
        };
    }

    static AgentId id(RoutingContext ctx) {
        String text = ctx.pathParam("id");
        if (!AgentId.isValid(text)) {
            new ApiError(404, "no agent with that ID").send(ctx.response());
            return null;
        }
        return new AgentId(text);
    }

    private static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onComplete(done -> {
            if (done.succeeded()) {
                Responses.json(ctx, 200, done.result());
            } else if (done.cause() instanceof UnknownAgent unknown) {
                new ApiError(404, unknown.getMessage()).send(ctx.response());
            } else if (done.cause() instanceof IllegalStateException impossible) {
                new ApiError(409, impossible.getMessage()).send(ctx.response());
            } else {
                new ApiError(500, "could not change the agent's state").send(ctx.response());
            }
        });
    }

    static JsonObject json(AgentStatus status) {
        JsonObject skills = new JsonObject();
        status.agent().skills().forEach((skill, level) -> skills.put(skill.name(), level));
        return new JsonObject()
                .put("id", status.agent().id().value())
                .put("name", status.agent().name())
                .put("tier", dashed(status.agent().tier().name()))
                .put("skills", skills)
                .put("state", dashed(status.state().name()))
                .put("pauseReason", status.pauseReason() == null ? null : dashed(status.pauseReason().name()))
                .put("since", status.since().toString())
                .put("phoneRegistered", status.phoneRegistered())
                .put("phoneBusy", status.phoneBusy());
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
