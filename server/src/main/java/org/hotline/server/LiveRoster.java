package org.hotline.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.floor.Floor;
import org.hotline.routing.Agent;
import org.hotline.routing.UnknownAgent;
import org.hotline.routing.roster.AgentConflict;
import org.hotline.routing.roster.Roster;
import org.hotline.routing.roster.RosterAgent;
import org.hotline.routing.roster.RosterEffects;
import org.hotline.shared.AgentId;
import org.hotline.store.MongoAgentSkills;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster as the running server follows it: the agents active now (for the phone accounts written at
 * each AMI login), every ID it has had (who may be named in the API), the floor's seats, and Asterisk's
 * accounts reloaded when it changes. Its effects are called on worker threads, which wait for the floor.
 */
final class LiveRoster implements RosterEffects {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRoster.class);
    private static final Duration FLOOR_WAIT = Duration.ofSeconds(5);

    private final Roster roster;
    private final Set<AgentId> known;
    private final MongoAgentSkills savedSkills;
    private final Clock clock;
    private final AtomicReference<List<RosterAgent>> active;
    private final AtomicReference<Floor> floor = new AtomicReference<>();
    private final AtomicReference<Runnable> reloadPhones = new AtomicReference<>(() -> { });

    /** @param seed the agents of config/agents.yaml: active until the store's roster is read */
    LiveRoster(Roster roster, Set<AgentId> known, List<Agent> seed, MongoAgentSkills savedSkills, Clock clock) {
        this.roster = roster;
        this.known = known;
        this.savedSkills = savedSkills;
        this.clock = clock;
        this.active = new AtomicReference<>(seed.stream().map(RosterAgent::seeded).toList());
    }

    /** At start-up, with the store answering: the seed's new agents planted, the active agents read. */
    List<Agent> start(List<Agent> seed) {
        List<Agent> planted = roster.plant(seed);
        if (!planted.isEmpty()) {
            LOG.info("agents {} planted on the roster from the seed file (from now on the roster is kept from the admin page)",
                    planted.stream().map(Agent::id).toList());
        }
        List<RosterAgent> all = roster.all();
        all.forEach(agent -> known.add(agent.id()));
        active.set(all.stream().filter(RosterAgent::active).toList());
        return activeAgents();
    }

    void seatOn(Floor on) {
        floor.set(on);
    }

    void reloadPhonesWith(Runnable reload) {
        reloadPhones.set(reload);
    }

    /** The active agents now, with their phones' keys. */
    List<RosterAgent> active() {
        return active.get();
    }

    List<Agent> activeAgents() {
        return active.get().stream().map(RosterAgent::agent).toList();
    }

    List<AgentId> activeIds() {
        return active.get().stream().map(RosterAgent::id).toList();
    }

    @Override
    public void seated(Agent agent) {
        known.add(agent.id());
        waitFor(floor.get().seat(agent));
    }

    @Override
    public void changed(Agent agent) {
        // The skills saved by supervisors win at start-up: saved too, so a restart keeps this change.
        savedSkills.save(agent.id(), agent.skills(), "roster", clock.instant());
        waitFor(floor.get().changeAgent(agent));
    }

    @Override
    public void unseated(AgentId agent) {
        try {
            waitFor(floor.get().unseat(agent));
        } catch (IllegalStateException busy) {
            throw new AgentConflict(busy.getMessage());
        } catch (UnknownAgent notSeated) {
            // not on this floor (the store was away at start-up): nothing to leave
        }
    }

    /** The floor's answer; its own failure (an unknown agent, a refused change) as thrown there. */
    private static <T> T waitFor(io.vertx.core.Future<T> change) {
        try {
            return change.toCompletionStage().toCompletableFuture().get(FLOOR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new java.util.concurrent.CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CompletionException("interrupted while the floor changed", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.CompletionException("the floor did not answer within " + FLOOR_WAIT.toSeconds() + " s", e);
        }
    }

    @Override
    public void accountsChanged() {
        active.set(roster.all().stream().filter(RosterAgent::active).toList());
        reloadPhones.get().run();
    }
}
