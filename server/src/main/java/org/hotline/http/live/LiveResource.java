package org.hotline.http.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hotline.http.ApiError;
import org.hotline.http.ClientAddress;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.shared.AgentId;

/**
 * The live channel for agent desktops and wall boards, and the {@link LiveFeed} the rest of the
 * server publishes to.
 *
 * <ul>
 * <li>{@code GET /api/live[?agent=010]}: Server-Sent Events, each {@code id: <n>}, {@code event: <type>},
 *     {@code data: {"type", "agent", "at", ...data}}; with {@code agent}, that agent's events and the
 *     events for everyone. {@code Last-Event-ID} replays what came after it (the last
 *     {@link Settings#replayEvents} events are kept). A {@code : ping} comment keeps idle
 *     connections open through proxies.</li>
 * <li>{@code GET /api/agents/{id}/screen-pop}: the agent's latest {@code offered} or {@code screen-pop}
 *     event, so a desktop opened mid-ring still shows the caller.</li>
 * </ul>
 */
public final class LiveResource implements LiveFeed, Resource {

    /**
     * @param heartbeat      how often idle connections get a {@code : ping}
     * @param replayEvents   how many recent events are kept for reconnecting clients
     * @param maxConnections open streams at most; more get a 503
     * @param backlogBytes   how far a client may fall behind before it is disconnected
     */
    public record Settings(Duration heartbeat, int replayEvents, int maxConnections, int backlogBytes) {

        public Settings {
            if (heartbeat.isNegative() || heartbeat.isZero() || replayEvents < 0 || maxConnections < 1 || backlogBytes < 1) {
                throw new IllegalArgumentException("live channel settings: " + heartbeat + ", " + replayEvents
                        + ", " + maxConnections + ", " + backlogBytes);
            }
        }

        public static Settings standard() {
            return new Settings(Duration.ofSeconds(15), 1000, 200, 256 * 1024);
        }
    }

    // EventSource reconnects after this long when the connection drops.
    private static final byte[] OPENING = "retry: 3000\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Predicate<AgentId> knownAgents;
    private final Settings settings;
    private final LiveHub hub;
    /** Admission: counted on the request's thread, so the limit holds before the hub hears of it. */
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * @param context     the context the channel's state lives on (its own, not a busy one)
     * @param knownAgents the roster: must answer at once, it is asked on the event loop
     * @param clock       for the first event id (see {@link LiveHub})
     */
    public LiveResource(Context context, Predicate<AgentId> knownAgents, Clock clock, Settings settings) {
        this.knownAgents = knownAgents;
        this.settings = settings;
        this.hub = new LiveHub(context, knownAgents, settings.replayEvents(), clock.millis(), settings.heartbeat());
    }

    @Override
    public void publish(LiveEvent event) {
        hub.publish(event);
    }

    @Override
    public void mount(Router router) {
        router.get("/api/live").handler(this::stream);
        router.get("/api/agents/:id/screen-pop").handler(this::screenPop);
    }

    /** Open streams, as the hub counts them. */
    Future<Integer> subscribers() {
        return hub.subscribers();
    }

    private void stream(RoutingContext ctx) {
        List<String> agents = ctx.queryParam("agent");
        String follower = null;
        if (!agents.isEmpty()) {
            if (agents.size() > 1 || !AgentId.isValid(agents.get(0))) {
                ApiError.badParameter("agent", "one agent ID, 1-16 letters or digits").send(ctx.response());
                return;
            }
            if (!knownAgents.test(new AgentId(agents.get(0)))) {
                new ApiError(404, "no agent with that ID").send(ctx.response());
                return;
            }
            follower = agents.get(0);
        }
        var self = Viewers.onlyAgent(ctx);
        if (self.isPresent()) { // an agent's desk follows that agent: colleagues' calls are not theirs to watch
            if (follower != null && !follower.equals(self.get().value())) {
                new ApiError(403, "an agent follows only their own events (agent=" + self.get().value() + ")").send(ctx.response());
                return;
            }
            follower = self.get().value();
        }
        if (connections.incrementAndGet() > settings.maxConnections()) {
            connections.decrementAndGet();
            ctx.response().putHeader("retry-after", "10");
            new ApiError(503, "too many live connections, try again later").send(ctx.response());
            return;
        }
        HttpServerResponse response = ctx.response()
                .setStatusCode(200)
                .setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .putHeader("x-accel-buffering", "no"); // nginx: pass each event on at once
        LiveStream stream = new LiveStream(Vertx.currentContext(), response, ClientAddress.of(ctx),
                new LiveStream.Watcher(follower, Viewers.masksNumbers(ctx), Viewers.loggedIn(ctx)), settings.backlogBytes(), closed -> {
                    connections.decrementAndGet();
                    hub.unsubscribe(closed);
                });
        if (stream.watch()) {
            // Subscribed before the client sees a byte: whatever is published once it sees the stream, it gets.
            hub.subscribe(stream, lastSeen(ctx.request().getHeader("last-event-id")));
            stream.start(OPENING);
        }
    }

    /**
     * The id a reconnecting client saw last; null for a fresh start. One we cannot read was not
     * ours (another server, a proxy's doing): the client gets everything kept rather than a 400,
     * after which a browser's EventSource would stop reconnecting.
     */
    private static Long lastSeen(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException notOurs) {
            return Long.MIN_VALUE;
        }
    }

    private void screenPop(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!AgentId.isValid(id) || !knownAgents.test(new AgentId(id))) {
            new ApiError(404, "no agent with that ID").send(ctx.response());
            return;
        }
        hub.screenPop(new AgentId(id)).onComplete(done -> {
            if (done.failed()) {
                new ApiError(500, "could not read the screen pop").send(ctx.response());
            } else if (done.result() == null) {
                new ApiError(404, "no screen pop for agent " + id).send(ctx.response());
            } else {
                Responses.json(ctx, 200, new JsonObject(done.result()));
            }
        });
    }
}
