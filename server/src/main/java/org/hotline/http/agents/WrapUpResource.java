package org.hotline.http.agents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hotline.http.ApiError;
import org.hotline.http.JsonBody;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.routing.UnknownAgent;
import org.hotline.routing.WrapUpChoice;
import org.hotline.routing.WrapUpCode;
import org.hotline.routing.WrapUpCodeRefused;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;

/**
 * {@code GET /api/agents/{id}/wrap-up}: the agent's last call with its queue's wrap-up codes;
 * {@code PUT /api/agents/{id}/wrap-up/code} with {@code {"call": …, "code": …}}: the agent codes it.
 * Only the agent themselves codes their call: a supervisor reads it, but does not code it for them.
 */
public final class WrapUpResource implements Resource {

    public static final int BODY_LIMIT = 1024;

    /** Chooses a code: agent, then call and code; fails with {@link WrapUpCodeRefused} or {@link UnknownAgent}. */
    public interface Chooser {
        Future<WrapUpChoice> choose(AgentId agent, CallId call, String code);
    }

    private final Function<AgentId, Future<Optional<WrapUpCoding.Codable>>> lastCall;
    private final Chooser chooser;

    public WrapUpResource(Function<AgentId, Future<Optional<WrapUpCoding.Codable>>> lastCall, Chooser chooser) {
        this.lastCall = lastCall;
        this.chooser = chooser;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/agents/:id/wrap-up").handler(this::read);
        router.put("/api/agents/:id/wrap-up/code").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::choose);
    }

    private void read(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        lastCall.apply(agent).onComplete(done -> {
            if (done.failed()) {
                failed(ctx, done.cause());
            } else if (done.result().isEmpty()) {
                new ApiError(404, "agent " + agent.value() + " has no call to code").send(ctx.response());
            } else {
                Responses.json(ctx, 200, json(done.result().get()));
            }
        });
    }

    private void choose(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        if (Viewers.of(ctx).filter(viewer -> !agent.equals(viewer.agent())).isPresent()) {
            new ApiError(403, "only agent " + agent.value() + " codes their own call").send(ctx.response());
            return;
        }
        String callId;
        String codeId;
        try {
            JsonObject body = JsonBody.of(ctx, Set.of("call", "code"), "{\"call\": \"1795300000.1\", \"code\": \"resolved\"}");
            callId = JsonBody.text(body, "call");
            codeId = JsonBody.text(body, "code");
            if (!CallId.isValid(callId)) {
                throw ApiError.badParameter("call", "the call's id, as on the agent's wrap-up");
            }
            if (!WrapUpCode.isValidId(codeId)) {
                throw ApiError.badParameter("code", "a code of the call's queue (lower-case letters, digits and dashes)");
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        chooser.choose(agent, new CallId(callId), codeId).onComplete(done -> {
            if (done.failed()) {
                failed(ctx, done.cause());
            } else {
                WrapUpChoice choice = done.result();
                Viewers.audited(ctx, choice.call().value());
                Responses.json(ctx, 200, new JsonObject().put("call", choice.call().value())
                        .put("queue", choice.queue().name()).put("code", choice.code().id())
                        .put("agent", choice.agent().value()).put("chosenAt", choice.chosenAt().toString()));
            }
        });
    }

    static JsonObject json(WrapUpCoding.Codable codable) {
        WrapUpCoding.LastCall last = codable.lastCall();
        JsonArray codes = new JsonArray();
        codable.codes().forEach(code -> codes.add(new JsonObject().put("id", code.id()).put("zh", code.zh()).put("en", code.en())));
        WrapUpChoice chosen = last.chosen();
        return new JsonObject()
                .put("call", last.call().value())
                .put("queue", last.queue() == null ? null : last.queue().name())
                .put("conversationEndedAt", last.conversationEndedAt().toString())
                .put("wrapUpEndedAt", last.wrapUpEndedAt() == null ? null : last.wrapUpEndedAt().toString())
                .put("open", codable.open())
                .put("closesAt", codable.closesAt() == null ? null : codable.closesAt().toString())
                .put("codes", codes)
                .put("chosen", chosen == null ? null
                        : new JsonObject().put("code", chosen.code().id()).put("chosenAt", chosen.chosenAt().toString()));
    }

    private static void failed(RoutingContext ctx, Throwable cause) {
        ApiError error = switch (cause) {
            case UnknownAgent unknown -> new ApiError(404, unknown.getMessage());
            case WrapUpCodeRefused refused -> new ApiError(refused.why() == WrapUpCodeRefused.Why.UNKNOWN_CODE ? 400 : 409,
                    refused.getMessage());
            default -> new ApiError(500, "could not read or code the agent's call");
        };
        error.send(ctx.response());
    }
}
