package org.hotline.http.agents;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hotline.access.Permission;
import org.hotline.access.Viewer;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.MonitorMode;
import org.hotline.routing.MonitorRefused;
import org.hotline.routing.MonitorRequest;
import org.hotline.routing.Monitoring;
import org.hotline.routing.Supervisor;
import org.hotline.routing.Spies;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;

/**
 * A supervisor listens to an agent's call from their own phone: {@code POST /api/agents/{id}/listen}
 * with {@code {"mode": "listen"|"whisper"|"barge"}} rings it into the call, {@code PUT} switches the mode,
 * {@code DELETE} leaves.
 */
public final class MonitorResource implements Resource {

    public static final int BODY_LIMIT = 256;
    private static final String EXAMPLE = "{\"mode\": \"listen\"}";

    private final Vertx vertx;
    private final Function<AgentId, Future<AgentStatus>> agents;
    private final Spies spies;

    /** @param agents an agent's status on the floor; fails with {@link UnknownAgent} */
    public MonitorResource(Vertx vertx, Function<AgentId, Future<AgentStatus>> agents, Spies spies) {
        this.vertx = vertx;
        this.agents = agents;
        this.spies = spies;
    }

    @Override
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
        router.post("/api/agents/:id/listen").handler(body).handler(this::join);
        router.put("/api/agents/:id/listen").handler(body).handler(this::switchMode);
        router.delete("/api/agents/:id/listen").handler(this::leave);
    }

    private void join(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        Optional<MonitorMode> mode = agent == null ? Optional.empty() : mode(ctx);
        if (mode.isEmpty()) {
            return;
        }
        Viewer viewer = Viewers.of(ctx).orElseThrow();
        Future<AgentStatus> phone = viewer.agent() == null ? Future.succeededFuture()
                : agents.apply(viewer.agent()).recover(failed -> failed instanceof UnknownAgent
                        ? Future.succeededFuture() : Future.failedFuture(failed));
        phone.compose(supervisorPhone -> agents.apply(agent)
                        .map(status -> Monitoring.join(new Supervisor(viewer.user(), viewer.may(Permission.SUPERVISE), viewer.agent()),
                                supervisorPhone, status, mode.get())))
                .compose(request -> blocking(() -> {
                    spies.join(request);
                    return request;
                }))
                .onComplete(done -> {
                    if (done.failed()) {
                        failed(ctx, done.cause());
                    } else {
                        MonitorRequest request = done.result();
                        Viewers.audited(ctx, "agent " + request.agent().value() + " " + request.mode().id());
                        Responses.json(ctx, 202, new JsonObject().put("agent", request.agent().value())
                                .put("mode", request.mode().id()).put("phone", request.phone().value()));
                    }
                });
    }

    private void switchMode(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        Optional<MonitorMode> mode = agent == null ? Optional.empty() : mode(ctx);
        if (mode.isEmpty()) {
            return;
        }
        AgentId phone = phone(ctx);
        if (phone == null) {
            return;
        }
        blocking(() -> {
            spies.switchTo(phone, agent, mode.get());
            return mode.get();
        }).onComplete(done -> {
            if (done.failed()) {
                failed(ctx, done.cause());
            } else {
                Viewers.audited(ctx, "agent " + agent.value() + " " + done.result().id());
                Responses.json(ctx, 200, new JsonObject().put("agent", agent.value()).put("mode", done.result().id())
                        .put("phone", phone.value()));
            }
        });
    }

    private void leave(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        AgentId phone = agent == null ? null : phone(ctx);
        if (phone == null) {
            return;
        }
        blocking(() -> {
            spies.leave(phone, agent);
            return null;
        }).onComplete(done -> {
            if (done.failed()) {
                failed(ctx, done.cause());
            } else {
                ctx.response().setStatusCode(204).end();
            }
        });
    }

    private static Optional<MonitorMode> mode(RoutingContext ctx) {
        try {
            String text = JsonBody.text(JsonBody.of(ctx, Set.of("mode"), EXAMPLE), "mode");
            return Optional.of(MonitorMode.of(text)
                    .orElseThrow(() -> ApiError.badParameter("mode", "listen, whisper or barge")));
        } catch (ApiError error) {
            error.send(ctx.response());
            return Optional.empty();
        }
    }

    /** The supervisor's own phone (their user's agent ID), or null with the answer sent. */
    private static AgentId phone(RoutingContext ctx) {
        AgentId phone = Viewers.of(ctx).map(Viewer::agent).orElse(null);
        if (phone == null) {
            failed(ctx, new MonitorRefused(MonitorRefused.Why.NOT_LISTENING, "this user has no phone, so is listening to no call"));
        }
        return phone;
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private static void failed(RoutingContext ctx, Throwable cause) {
        ApiError error = switch (cause) {
            case UnknownAgent unknown -> new ApiError(404, unknown.getMessage());
            case MonitorRefused refused -> new ApiError(refused.why() == MonitorRefused.Why.NOT_ALLOWED ? 403 : 409,
                    refused.getMessage());
            case IOException telephony -> new ApiError(503, "Asterisk could not do it: " + telephony.getMessage());
            default -> new ApiError(500, "could not join, switch or leave the agent's call");
        };
        error.send(ctx.response());
    }
}
