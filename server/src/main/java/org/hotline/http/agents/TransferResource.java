package org.hotline.http.agents;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.TransferLine;
import org.hotline.routing.TransferMode;
import org.hotline.routing.TransferRefused;
import org.hotline.routing.TransferRequest;
import org.hotline.routing.TransferTarget;
import org.hotline.routing.Transferring;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;

/**
 * An agent passes their caller on from the desktop: {@code POST /api/agents/{id}/transfer} with
 * {@code {"agent": "011"|"queue": "billing", "mode": "blind"|"consult"}}, then, consulting,
 * {@code .../transfer/complete}, {@code .../transfer/cancel} or {@code .../conference}. The agent's
 * channel is the one Asterisk lists for them, never one the request names.
 */
public final class TransferResource implements Resource {

    public static final int BODY_LIMIT = 256;
    private static final String EXAMPLE = "{\"agent\": \"011\", \"mode\": \"consult\"}";

    private final Vertx vertx;
    private final Function<AgentId, Future<AgentStatus>> agents;
    private final Set<Skill> queues;
    private final TransferLine line;

    /** @param agents an agent's status on the floor; fails with {@link UnknownAgent} */
    public TransferResource(Vertx vertx, Function<AgentId, Future<AgentStatus>> agents, Set<Skill> queues, TransferLine line) {
        this.vertx = vertx;
        this.agents = agents;
        this.queues = queues;
        this.line = line;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/agents/:id/transfer").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::start);
        router.post("/api/agents/:id/transfer/complete").handler(ctx -> step(ctx, "transfer completed", line::complete));
        router.post("/api/agents/:id/transfer/cancel").handler(ctx -> step(ctx, "transfer cancelled", line::cancel));
        router.post("/api/agents/:id/conference").handler(ctx -> step(ctx, "conference", line::conference));
    }

    private record Asked(TransferTarget target, TransferMode mode) {
    }

    private void start(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        Asked asked;
        try {
            asked = asked(ctx);
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        Future<AgentStatus> colleague = asked.target().isQueue() ? Future.succeededFuture()
                : agents.apply(asked.target().agent()).recover(failed -> failed instanceof UnknownAgent
                        ? Future.succeededFuture() : Future.failedFuture(failed));
        colleague.compose(target -> agents.apply(agent)
                        .map(from -> Transferring.request(from, asked.target(), target, queues, asked.mode())))
                .compose(request -> blocking(() -> {
                    line.start(request);
                    return request;
                }))
                .onComplete(done -> {
                    if (done.failed()) {
                        failed(ctx, done.cause());
                        return;
                    }
                    TransferRequest request = done.result();
                    String to = (request.target().isQueue() ? "queue " : "agent ") + request.target().name();
                    Viewers.audited(ctx, "agent " + agent.value() + " " + request.mode().id() + " to " + to);
                    JsonObject answer = new JsonObject().put("agent", agent.value()).put("mode", request.mode().id());
                    answer.put(request.target().isQueue() ? "queue" : "to", request.target().name());
                    Responses.json(ctx, 202, answer);
                });
    }

    private interface Step {
        void take(AgentId agent) throws IOException;
    }

    private void step(RoutingContext ctx, String what, Step step) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        blocking(() -> {
            step.take(agent);
            return agent;
        }).onComplete(done -> {
            if (done.failed()) {
                failed(ctx, done.cause());
            } else {
                Viewers.audited(ctx, "agent " + agent.value() + " " + what);
                ctx.response().setStatusCode(202).end();
            }
        });
    }

    private static Asked asked(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx, Set.of("agent", "queue", "mode"), EXAMPLE);
        String agent = JsonBody.text(body, "agent");
        String queue = JsonBody.text(body, "queue");
        if ((agent == null) == (queue == null)) {
            throw ApiError.badParameter("agent", "give a colleague's ID (agent) or a queue (queue), one of the two");
        }
        if (agent != null && !AgentId.isValid(agent)) {
            throw ApiError.badParameter("agent", "an agent ID (letters and digits)");
        }
        if (queue != null && !Skill.isValid(queue)) {
            throw ApiError.badParameter("queue", "a queue's name (lower-case words and dashes)");
        }
        TransferMode mode = TransferMode.of(JsonBody.text(body, "mode"))
                .orElseThrow(() -> ApiError.badParameter("mode", "blind or consult"));
        return new Asked(agent != null ? TransferTarget.agent(new AgentId(agent)) : TransferTarget.queue(new Skill(queue)), mode);
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private static void failed(RoutingContext ctx, Throwable cause) {
        ApiError error = switch (cause) {
            case UnknownAgent unknown -> new ApiError(404, unknown.getMessage());
            case TransferRefused refused -> new ApiError(switch (refused.why()) {
                case NOT_ALLOWED, UNKNOWN_TARGET -> 400;
                default -> 409;
            }, refused.getMessage());
            case IOException telephony -> new ApiError(503, "Asterisk could not do it: " + telephony.getMessage());
            default -> new ApiError(500, "could not transfer the agent's call");
        };
        error.send(ctx.response());
    }
}
