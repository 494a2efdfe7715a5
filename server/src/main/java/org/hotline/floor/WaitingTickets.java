package org.hotline.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallerHungUp;
import org.hotline.customer.DialRule;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.QueueProgress;
import org.hotline.routing.WaitEstimate;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;

/**
 * The callers waiting in the queues, each with a ticket: their place and progress (position and
 * expected wait, told to the caller), the agent offered to them, and how they leave — talked to,
 * called back later, or hung up. A ticket's own methods are called from its flow's thread; the
 * rest runs on the floor's context.
 */
final class WaitingTickets {

    /** Put among a ticket's offers once the caller's channel is gone: the flow waiting for an agent hears it at once. */
    private static final Object GONE = new Object();

    private final FloorContext floor;
    private final Distributor distributor;
    private final Runnable dispatch;
    private final WaitEstimate estimate;
    private final Duration wrapUp;
    private final WrapUps wrapUps;
    private final TalkTimer talk;
    private final CallbackDesk callbacks;
    private final Clock clock;
    private final Map<CallId, Waiting> tickets = new HashMap<>();
    private final Map<CallId, Skill> lastQueues = new HashMap<>();

    /** @param dispatch the floor's dispatch, after every change; {@code wrapUp} the agent's time after each call, for the estimate */
    WaitingTickets(FloorContext floor, Distributor distributor, Runnable dispatch, WaitEstimate estimate, Duration wrapUp,
                   WrapUps wrapUps, TalkTimer talk, CallbackDesk callbacks, Clock clock) {
        this.floor = floor;
        this.distributor = distributor;
        this.dispatch = dispatch;
        this.estimate = estimate;
        this.wrapUp = wrapUp;
        this.wrapUps = wrapUps;
        this.talk = talk;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** From a flow's thread: the call takes its place in its queue. */
    AgentQueue.Ticket join(WaitingCall call) {
        Waiting ticket = new Waiting(call.id(), call.skill());
        floor.await(() -> {
            tickets.put(call.id(), ticket);
            lastQueues.put(call.id(), call.skill());
            distributor.enqueue(call);
            dispatch.run();
            return true;
        });
        return ticket;
    }

    /** From a flow's thread: the queue this call last waited in, if it is known. */
    Optional<Skill> lastQueueOf(CallId call) {
        return floor.await(() -> Optional.ofNullable(lastQueues.get(call)));
    }

    /** The distributor offers the call an agent: its flow hears of it. False when no flow waits for it any more. */
    boolean offered(Offer offer) {
        Waiting ticket = tickets.get(offer.call());
        if (ticket == null) {
            return false;
        }
        ticket.agent = offer.agent();
        ticket.offers.add(offer.agent());
        if (ticket.onOffer != null) {
            ticket.onOffer.run();
        }
        return true;
    }

    /** Asterisk reports the caller's conversation with their agent ended at {@code at}: the wrap-up counts from then. */
    void conversationEnded(CallId id, Instant at) {
        Waiting ticket = tickets.get(id);
        if (ticket != null && ticket.agent != null
                && distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
            endConversation(ticket, at);
            dispatch.run();
        }
    }

    /** Whether {@code agent} is the one this call's ticket connected (their conversation may end before the call's). */
    boolean connects(CallId id, AgentId agent) {
        Waiting ticket = tickets.get(id);
        return ticket != null && agent.equals(ticket.agent);
    }

    /** The caller's channel is gone: out of the queue, and a ringing agent freed. */
    void gone(CallId id) {
        lastQueues.remove(id);
        Waiting ticket = tickets.get(id);
        if (ticket != null) {
            leave(ticket);
            ticket.offers.add(GONE);
        }
    }

    /** How many waiting calls have an agent now (ringing or talking). */
    int withAgent() {
        return (int) tickets.values().stream().filter(ticket -> ticket.agent != null).count();
    }

    private void leave(Waiting ticket) {
        if (ticket.over) {
            return;
        }
        ticket.positionWhenLeft = distributor.position(ticket.call).orElse(0);
        if (!distributor.abandon(ticket.call)) {
            endConversation(ticket, clock.instant()); // already talking to the agent: their conversation is over
        }
        ticket.over = true;
        tickets.remove(ticket.call);
        dispatch.run();
    }

    /** The conversation of the ticket's agent, if any, is over at {@code endedAt}: their wrap-up starts. */
    private void endConversation(Waiting ticket, Instant endedAt) {
        if (ticket.agent == null) {
            return;
        }
        AgentStatus status = distributor.status(ticket.agent);
        if (status.state() == AgentState.OFFERED && ticket.call.equals(status.offeredCall())) {
            distributor.answered(ticket.call); // Asterisk's answer event may come after the flow's report
        }
        if (distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
            wrapUps.start(ticket.agent, ticket.call, ticket.queue, endedAt);
        }
        talk.ended(ticket.agent);
        ticket.agent = null;
    }

    /** One waiting call's place, as its flow holds it. */
    private final class Waiting implements AgentQueue.Ticket {
        final CallId call;
        final Skill queue;
        final LinkedBlockingQueue<Object> offers = new LinkedBlockingQueue<>();
        AgentId agent; // confined to the context
        boolean over; // confined to the context
        Runnable onOffer; // confined to the context
        volatile int positionWhenLeft;

        Waiting(CallId call, Skill queue) {
            this.call = call;
            this.queue = queue;
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
        public void whenOffered(Runnable action) {
            floor.run(() -> {
                onOffer = action;
                if (action != null && agent != null && !offers.isEmpty()) {
                    action.run(); // an agent came just before the announcement began
                }
            });
        }

        @Override
        public QueueProgress progress() {
            return floor.await(() -> {
                int position = distributor.position(call).orElse(1);
                Skill skill = distributor.skillOf(call).orElse(null);
                int atWork = skill == null ? 1 : distributor.agentsAtWork(skill);
                return new QueueProgress(position, estimate.forPlace(position - 1, atWork));
            });
        }

        @Override
        public CallbackRequest callBack(String number, Language language) {
            Optional<DialRule.Refusal> refusal = callbacks.refusalOf(number);
            Optional<Skill> queue = refusal.isPresent() ? Optional.empty() : floor.await(() -> distributor.skillOf(call));
            CallId holder = queue.map(skill -> callbacks.claim(skill, number, call)).orElse(call);
            return floor.await(() -> {
                callbacks.claimed(call);
                if (over) {
                    if (holder.equals(call) && queue.isPresent()) {
                        callbacks.letGo(queue.get(), number, call);
                    }
                    throw new CallerHungUp(null);
                }
                WaitingCall place = distributor.keepPlaceForCallback(call);
                if (refusal.isPresent() || !holder.equals(call)) {
                    // Refused, or joined to the customer's open request: this call leaves the line.
                    distributor.abandon(call);
                    return leaveForCallback(refusal.isPresent() ? callbacks.refused(place, number, language, refusal.get())
                            : callbacks.joined(place, number, language, holder));
                }
                return leaveForCallback(callbacks.opened(place, number, language));
            });
        }

        /** The call leaves the line with its callback request (on the context). */
        private CallbackRequest leaveForCallback(CallbackRequest request) {
            agent = null;
            offers.clear();
            over = true;
            tickets.remove(call);
            dispatch.run();
            return request;
        }

        @Override
        public void notAnswered() {
            freeTheAgent(distributor::notAnswered);
        }

        @Override
        public void ringStopped() {
            freeTheAgent(distributor::withdrawn);
        }

        /** The agent still being offered this call is freed by {@code how}; the call keeps its place. */
        private void freeTheAgent(Consumer<CallId> how) {
            floor.await(() -> {
                if (agent != null && distributor.status(agent).state() == AgentState.OFFERED) {
                    how.accept(call);
                }
                agent = null;
                dispatch.run();
                return true;
            });
        }

        @Override
        public void finished(Duration talked) {
            floor.await(() -> {
                estimate.handled(talked.plus(wrapUp));
                endConversation(this, clock.instant());
                tickets.remove(call);
                over = true;
                dispatch.run();
                return true;
            });
        }

        @Override
        public void leave() {
            floor.await(() -> {
                WaitingTickets.this.leave(this);
                return true;
            });
        }

        @Override
        public int positionWhenLeft() {
            return positionWhenLeft;
        }
    }
}
