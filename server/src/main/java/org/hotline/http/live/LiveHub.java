package org.hotline.http.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hotline.live.LiveEvent;
import org.hotline.shared.AgentId;

/**
 * The live channel's state: event ids, the replay buffer, the open connections and each agent's
 * latest screen pop. Confined to one Vert.x context, so it needs no locks: publishers on any thread
 * and connections on their own event loops hand it work with {@code runOnContext}, which never
 * blocks them.
 *
 * <p>Ids go up by one per event and start above {@code 1000 × the start's epoch milliseconds}: a
 * restarted server gives ids above any the previous run gave (short of a thousand events a
 * millisecond), so a desktop reconnecting across a restart is replayed everything kept.
 */
final class LiveHub {

    static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);
    /** Types that carry what a desktop shows when the phone rings. */
    private static final Set<String> SCREEN_POPS = Set.of("offered", "screen-pop");

    private final Context context;
    private final Predicate<AgentId> knownAgents;
    private final ReplayBuffer replay;
    private final Set<LiveStream> streams = new LinkedHashSet<>();
    private final Map<String, String> screenPops = new HashMap<>();
    private long lastId;

    LiveHub(Context context, Predicate<AgentId> knownAgents, int replayEvents, long startMillis, Duration heartbeat) {
        this.context = context;
        this.knownAgents = knownAgents;
        this.replay = new ReplayBuffer(replayEvents);
        this.lastId = Math.multiplyExact(startMillis, 1000L);
        // Timers set on the context fire on it: the pings need no hop.
        context.runOnContext(ignored -> context.owner().setPeriodic(heartbeat.toMillis(), id -> ping()));
    }

    void publish(LiveEvent event) {
        context.runOnContext(ignored -> deliver(event));
    }

    /** Adds a connection and sends it what it missed after {@code lastSeen} (null: a fresh start). */
    void subscribe(LiveStream stream, Long lastSeen) {
        context.runOnContext(ignored -> {
            streams.add(stream);
            if (lastSeen != null) {
                stream.send(replay.after(lastSeen, lastId, stream.follower()).stream().map(frame -> frame.bytesFor(stream)).toList());
            }
        });
    }

    void unsubscribe(LiveStream stream) {
        context.runOnContext(ignored -> streams.remove(stream));
    }

    Future<Integer> subscribers() {
        return on(streams::size);
    }

    /** The agent's latest screen pop as JSON, or null if none came. */
    Future<String> screenPop(AgentId agent) {
        return on(() -> screenPops.get(agent.value()));
    }

    private void deliver(LiveEvent event) {
        SseFrame frame = SseFrame.of(++lastId, event);
        replay.add(frame);
        if (SCREEN_POPS.contains(event.type()) && known(event.agent())) {
            screenPops.put(event.agent(), frame.json()); // only the roster's agents: the map stays bounded
        }
        for (LiveStream stream : streams) {
            if (frame.isFor(stream.follower())) {
                stream.send(frame.bytesFor(stream));
            }
        }
    }

    private boolean known(String agent) {
        return AgentId.isValid(agent) && knownAgents.test(new AgentId(agent));
    }

    private void ping() {
        streams.forEach(stream -> stream.ping(PING));
    }

    private <T> Future<T> on(Supplier<T> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> promise.complete(work.get()));
        return promise.future();
    }
}
