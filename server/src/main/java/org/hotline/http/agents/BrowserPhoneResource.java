package org.hotline.http.agents;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import org.hotline.config.HotlineConfig;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;

/**
 * {@code GET /api/agents/{id}/browser-phone}: what the agent's desktop needs to be their phone — the
 * browser phone's account and password, where it registers and how it gathers ICE candidates. Only the
 * agent themselves reads it: it is their phone's credential.
 */
public final class BrowserPhoneResource implements Resource {

    /** The browser phone's SIP account: its user name and password. */
    public record Account(String user, String password) {
    }

    /** The agent's browser phone account (its password made on first use: a file, so off the event loop). */
    public interface Accounts {
        Account of(AgentId agent) throws IOException;
    }

    private final Vertx vertx;
    private final HotlineConfig.BrowserPhone settings;
    private final Accounts accounts;

    public BrowserPhoneResource(Vertx vertx, HotlineConfig.BrowserPhone settings, Accounts accounts) {
        this.vertx = vertx;
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/agents/:id/browser-phone").handler(this::read);
    }

    private void read(RoutingContext ctx) {
        AgentId agent = AgentsResource.id(ctx);
        if (agent == null) {
            return;
        }
        if (Viewers.of(ctx).filter(viewer -> agent.equals(viewer.agent())).isEmpty()) {
            new ApiError(403, "only agent " + agent.value() + " reads their own browser phone's account").send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> accounts.of(agent), false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "the browser phone's account cannot be read now").send(ctx.response());
                return;
            }
            Viewers.audited(ctx, "agent " + agent.value());
            Responses.json(ctx, 200, new JsonObject()
                    .put("user", done.result().user())
                    .put("password", done.result().password())
                    .put("webSocket", settings.webSocket().orElse(null))
                    .put("webSocketPort", settings.webSocketPort())
                    .put("iceServers", new JsonArray(settings.iceServers()))
                    .put("iceGatheringMillis", settings.iceGathering().toMillis()));
        });
    }
}
