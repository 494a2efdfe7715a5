package org.hotline.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallId;
import org.hotline.call.CallerHungUp;
import org.hotline.live.LiveFeed;
import org.hotline.routing.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.PauseReason;
import org.hotline.routing.Skill;
import org.hotline.routing.WaitingCall;

/**
 * The contact-center floor: the distributor, run on the one Vert.x context that also tracks
 * calls, so every change (API, softphone feature code, call event) happens one at a time and two
 * changes at once always leave one consistent state. After every change it dispatches, and hands
 * each offer to the waiting call's flow.
 */
public final class Floor implements AgentQueue {

    private static final Object GONE = new Object();

    private final Context context;
    private final Distributor distributor;
    private final Map<CallId, FloorTicket> tickets = new HashMap<>();
    private AgentStateFeed stateFeed; // confined to the context; null until someone watches the floor live

    Floor(Context context, Distributor distributor, Duration wrapUp) {
        this.context = context;
        this.distributor = distributor;
        // Timers set on the context run on it: wrap-ups end on the same thread as everything else.
        context.runOnContext(ignored -> context.owner().setPeriodic(500, id -> {
            distributor.endWrapUps(wrapUp);
            dispatch();
        }));
    }

    /**
     * Publishes every agent state change from now on ({@code agent-state}: wall boards, desktops).
     * Every change is followed by a dispatch, so the changes are looked for after each dispatch.
     */
    void publishAgentStates(LiveFeed live) {
        context.runOnContext(ignored -> stateFeed = new AgentStateFeed(live, distributor.statuses()));
    }

    // ------------------------------------------------------------------ agents (API, feature codes)

    public Future<List<AgentStatus>> agents() {
        return on(distributor::statuses);
    }

    public Future<AgentStatus> agent(AgentId id) {
        return on(() -> distributor.status(id));
    }

    public Future<AgentStatus> ready(AgentId id) {
        return change(id, () -> distributor.ready(id));
    }

    public Future<AgentStatus> pause(AgentId id, PauseReason reason) {
        return change(id, () -> distributor.pause(id, reason));
    }

    public Future<AgentStatus> logOut(AgentId id) {
        return change(id, () -> distributor.logOut(id));
    }

    /** The agent's softphone registered or went away (from Asterisk's contact events). */
    public void phoneRegistered(AgentId id, boolean registered) {
        quietly(() -> distributor.phoneRegistered(id, registered));
    }

    /** Asterisk reports the agent answered their ringing phone. */
    public void agentAnswered(AgentId id) {
        quietly(() -> {
            CallId call = distributor.status(id).offeredCall();
            if (call != null) {
                distributor.answered(call);
            }
        });
    }

    /** The caller's channel is gone: out of the queue, and a ringing agent freed. */
    public void callGone(CallId id) {
        context.runOnContext(ignored -> {
            FloorTicket ticket = tickets.get(id);
            if (ticket != null) {
                leaveOnContext(ticket);
                ticket.offers.add(GONE);
            }
        });
    }

    // ------------------------------------------------------------------ calls (the inbound flow's side)

    @Override
    public boolean staffed(Skill skill) {
        return block(on(() -> distributor.statuses().stream().anyMatch(status ->
                status.state() != AgentState.LOGGED_OUT && status.agent().skills().containsKey(skill))));
    }

    @Override
    public Ticket join(WaitingCall call) {
        FloorTicket ticket = new FloorTicket(call.id());
        block(on(() -> {
            tickets.put(call.id(), ticket);
            distributor.enqueue(call);
            dispatch();
            return true;
        }));
        return ticket;
    }

    private final class FloorTicket implements Ticket {
        final CallId call;
        final LinkedBlockingQueue<Object> offers = new LinkedBlockingQueue<>();
        AgentId agent; // confined to the context
        boolean over;
        volatile int positionWhenLeft;

        FloorTicket(CallId call) {
            this.call = call;
        }

        @Override
        public Optional<AgentId> awaitAgent(Duration max) {
            try {
                Object next = offers.poll(max.toMillis(), TimeUnit.MILLISECONDS);
                if (next == GONE) {
                    throw new CallerHungUp(null);
                }
                return Optional.ofNullable((AgentId) next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallerHungUp(e);
            }
        }

        @Override
        public void notAnswered() {
            block(on(() -> {
                if (agent != null && distributor.status(agent).state() == AgentState.OFFERED) {
                    distributor.notAnswered(call);
                }
                agent = null;
                dispatch();
                return true;
            }));
        }

        @Override
        public void finished() {
            block(on(() -> {
                endConversation(this);
                tickets.remove(call);
                over = true;
                dispatch();
                return true;
            }));
        }

        @Override
        public void leave() {
            block(on(() -> {
                leaveOnContext(this);
                return true;
            }));
        }

        @Override
        public int positionWhenLeft() {
            return positionWhenLeft;
        }
    }

    // ------------------------------------------------------------------ internals (on the context)

    private void leaveOnContext(FloorTicket ticket) {
        if (ticket.over) {
            return;
        }
        ticket.positionWhenLeft = distributor.position(ticket.call).orElse(0);
        if (!distributor.abandon(ticket.call)) {
            endConversation(ticket); // already talking to the agent: their conversation is over
        }
        ticket.over = true;
        tickets.remove(ticket.call);
        dispatch();
    }

    private void endConversation(FloorTicket ticket) {
        if (ticket.agent == null) {
            return;
        }
        AgentStatus status = distributor.status(ticket.agent);
        if (status.state() == AgentState.OFFERED && ticket.call.equals(status.offeredCall())) {
            distributor.answered(ticket.call); // Asterisk's answer event may come after the flow's report
        }
        if (distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
            distributor.callEnded(ticket.agent);
        }
        ticket.agent = null;
    }

    private void dispatch() {
        for (Offer offer : distributor.dispatch()) {
            FloorTicket ticket = tickets.get(offer.call());
            if (ticket == null) {
                distributor.abandon(offer.call()); // the flow is gone: free the agent again
                continue;
            }
            ticket.agent = offer.agent();
            ticket.offers.add(offer.agent());
        }
        if (stateFeed != null) {
            stateFeed.publishChanges(distributor.statuses());
        }
    }

    private Future<AgentStatus> change(AgentId id, Runnable change) {
        return on(() -> {
            change.run();
            dispatch();
            return distributor.status(id);
        });
    }

    private void quietly(Runnable work) {
        context.runOnContext(ignored -> {
            try {
                work.run();
                dispatch();
            } catch (RuntimeException unknownOrStale) {
                // an endpoint that is not an agent of the roster, or an event that arrived late
            }
        });
    }

    private <T> Future<T> on(Supplier<T> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                promise.complete(work.get());
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    /** Waits for the floor from a flow's own (virtual) thread; never from an event loop. */
    private static <T> T block(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the floor", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the floor did not answer within 5 s", e);
        }
    }
}
