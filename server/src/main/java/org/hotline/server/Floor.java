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
import java.time.Clock;
import java.time.Instant;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.call.CallbackOutcome;
import org.hotline.call.Language;
import org.hotline.live.LiveEvent;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.OpenCallback;
import org.hotline.routing.QueueProgress;
import org.hotline.routing.WaitEstimate;
import org.slf4j.LoggerFactory;
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

    /** After a callback could not be placed at all, how long before its next turn (so a broken link is not hammered). */
    private static final Duration REDIAL_PAUSE = Duration.ofSeconds(5);

    private final Context context;
    private final Distributor distributor;
    private final FloorRules rules;
    private final CallbackDialer dialer;
    private final CallEventSink records;
    private final Clock clock;
    private final WaitEstimate estimate = new WaitEstimate(Duration.ofMinutes(3));
    private final Map<CallId, FloorTicket> tickets = new HashMap<>();
    private final Map<CallId, Skill> lastQueues = new HashMap<>();
    private final Map<CallId, CallbackRequest> callbacks = new HashMap<>();
    private final Map<CallId, Dialling> dialling = new HashMap<>();
    private AgentStateFeed stateFeed; // confined to the context; null until someone watches the floor live
    private QueueStateFeed queueFeed; // likewise
    private LiveFeed live = LiveFeed.none();
    private FloorGauges gauges; // confined to the context; null until metrics are wanted
    private AgentTimeKeeper agentTime; // confined to the context; null until agent time is recorded
    private final Map<AgentId, CallId> talking = new HashMap<>();
    private final Map<AgentId, CallId> wrapping = new HashMap<>();

    /** A callback whose agent is being rung, or talking to the customer. */
    private record Dialling(AgentId agent, Instant agentRangAt) {
    }

    /**
     * @param records where facts about a call go once its caller has hung up (callback tries), straight to the call's record
     */
    Floor(Context context, Distributor distributor, FloorRules rules, CallbackDialer dialer, CallEventSink records, Clock clock) {
        this.context = context;
        this.distributor = distributor;
        this.rules = rules;
        this.dialer = dialer;
        this.records = records;
        this.clock = clock;
        // Timers set on the context run on it: wrap-ups end on the same thread as everything else.
        context.runOnContext(ignored -> context.owner().setPeriodic(500, id -> {
            distributor.endWrapUps(rules.wrapUp());
            dispatch();
            if (agentTime != null) {
                agentTime.flush(clock.instant());
            }
        }));
    }

    // ------------------------------------------------------------------ callbacks

    /** Callback requests still open when the server last stopped: back in line at their own places. */
    public void restore(List<CallbackRequest> open) {
        context.runOnContext(ignored -> {
            for (CallbackRequest request : open) {
                if (!callbacks.containsKey(request.id())) {
                    callbacks.put(request.id(), request);
                    distributor.enqueue(request.call());
                }
            }
            dispatch();
        });
    }

    /** The callback requests not closed yet, oldest first. */
    public Future<List<OpenCallback>> openCallbacks() {
        return on(() -> callbacks.values().stream()
                .sorted(java.util.Comparator.comparing(CallbackRequest::requestedAt))
                .map(request -> new OpenCallback(request, distributor.position(request.id()).orElse(0),
                        dialling.containsKey(request.id())))
                .toList());
    }

    /** The agent answered the callback's first leg; returns the request to dial, or empty if it is not theirs. */
    public Future<Optional<CallbackRequest>> callbackAnswered(CallId id, AgentId agent) {
        return on(() -> {
            Dialling leg = dialling.get(id);
            CallbackRequest request = callbacks.get(id);
            if (leg == null || request == null || !leg.agent().equals(agent)) {
                return Optional.empty();
            }
            AgentStatus status = distributor.status(agent);
            if (status.state() == AgentState.OFFERED && id.equals(status.offeredCall())) {
                distributor.answered(id);
                startTalk(agent, id, clock.instant());
            } else if (status.state() != AgentState.ON_CALL) {
                return Optional.empty(); // Asterisk's answer event may already have put them on the call; anything else is stale
            }
            return Optional.of(request);
        });
    }

    /** The callback's conversation (or the try at reaching the customer) is over. */
    public Future<Boolean> callbackEnded(CallId id, CallbackOutcome outcome, Instant customerAnsweredAt, Duration talk) {
        return callbackEnded(id, outcome, customerAnsweredAt, talk, null);
    }

    /** @param agentRangAt when the agent's phone began ringing by Asterisk's dial event, or null (then the server's time) */
    public Future<Boolean> callbackEnded(CallId id, CallbackOutcome outcome, Instant customerAnsweredAt, Duration talk,
                                         Instant agentRangAt) {
        return on(() -> {
            Dialling leg = dialling.remove(id);
            CallbackRequest request = callbacks.get(id);
            if (leg == null || request == null) {
                return false;
            }
            if (distributor.status(leg.agent()).state() == AgentState.ON_CALL) {
                wrapUp(leg.agent(), id, clock.instant());
            }
            talking.remove(leg.agent());
            records.publish(id, new CallEvent.CallbackAttempted(clock.instant(), leg.agent().value(),
                    agentRangAt != null ? agentRangAt : leg.agentRangAt(), outcome, customerAnsweredAt));
            CallbackRequest tried = request.attempted();
            if (outcome == CallbackOutcome.CUSTOMER_ANSWERED) {
                estimate.handled(talk.plus(rules.wrapUp()));
                close(id, true);
            } else if (rules.callbacks().triesAgain(tried)) {
                callbacks.put(id, tried);
                later(rules.callbacks().retryAfter(), () -> requeue(tried));
            } else {
                close(id, false);
            }
            dispatch();
            return true;
        });
    }

    /**
     * Publishes every agent state change from now on ({@code agent-state}: wall boards, desktops).
     * Every change is followed by a dispatch, so the changes are looked for after each dispatch.
     */
    void publishAgentStates(LiveFeed live) {
        context.runOnContext(ignored -> {
            this.live = live;
            stateFeed = new AgentStateFeed(live, distributor.statuses());
        });
    }

    /** Publishes every change of a queue's waiting calls from now on ({@code queue-state}: wall boards). */
    void publishQueues(LiveFeed live) {
        context.runOnContext(ignored -> queueFeed = new QueueStateFeed(live, clock, distributor.queueLines()));
    }

    /** Every agent's time by state (ready, on a call, paused and why) goes to {@code spans}, for the reports. */
    void recordAgentTime(java.util.function.Consumer<org.hotline.report.AgentSpan> spans) {
        context.runOnContext(ignored -> {
            agentTime = new AgentTimeKeeper(spans);
            agentTime.observe(distributor.statuses());
        });
    }

    /** At a graceful stop: agents' open stretches of time are counted up to now (see {@link AgentTimeKeeper#flushAll}). */
    Future<Void> flushAgentTime() {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        context.runOnContext(on -> {
            if (agentTime != null) {
                agentTime.flushAll(clock.instant());
            }
            done.complete();
        });
        return done.future();
    }

    /** Calls waiting, the longest wait and agents by state, as Prometheus gauges. */
    void measureWith(io.micrometer.core.instrument.MeterRegistry meters) {
        context.runOnContext(ignored -> {
            gauges = new FloorGauges(meters, clock);
            dispatch();
        });
    }

    // ------------------------------------------------------------------ the floor's other sides (campaign agents)

    /**
     * Runs {@code work} with the distributor on the floor's context, then dispatches, so an
     * outbound reservation changes the floor one step at a time with everything else. Timers
     * the work sets ({@link #later}) run on the same context.
     */
    <T> Future<T> withDistributor(java.util.function.Function<Distributor, T> work) {
        return on(() -> {
            T result = work.apply(distributor);
            dispatch();
            return result;
        });
    }

    // ------------------------------------------------------------------ agents (API, feature codes)

    public Future<List<AgentStatus>> agents() {
        return on(distributor::statuses);
    }

    /** Each queue: how many wait, and since when the longest has waited. */
    public Future<List<org.hotline.routing.QueueLine>> queues() {
        return on(distributor::queueLines);
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

    /** A supervisor moved the agent to other queues: a call waiting in a new one may be theirs at once. */
    public Future<AgentStatus> changeSkills(AgentId id, Map<Skill, Integer> skills) {
        return change(id, () -> distributor.changeSkills(id, skills));
    }

    /** The agent's softphone registered or went away (from Asterisk's contact events). */
    public void phoneRegistered(AgentId id, boolean registered) {
        quietly(() -> distributor.phoneRegistered(id, registered));
    }

    /** Asterisk reports the agent answered their ringing phone, at {@code at} by its clock. */
    public void agentAnswered(AgentId id, Instant at) {
        quietly(() -> {
            CallId call = distributor.status(id).offeredCall();
            if (call != null) {
                distributor.answered(call);
                startTalk(id, call, at);
            }
        });
    }

    /**
     * Asterisk reports the caller's conversation with their agent ended at {@code at}: the agent's
     * wrap-up counts from then, whenever the flow hears of it.
     */
    public void conversationEnded(CallId id, Instant at) {
        context.runOnContext(ignored -> {
            FloorTicket ticket = tickets.get(id);
            if (ticket != null && ticket.agent != null
                    && distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
                endConversation(ticket, at);
                dispatch();
            }
        });
    }

    /** The caller's channel is gone: out of the queue, and a ringing agent freed. */
    public void callGone(CallId id) {
        context.runOnContext(ignored -> {
            lastQueues.remove(id);
            FloorTicket ticket = tickets.get(id);
            if (ticket != null) {
                leaveOnContext(ticket);
                ticket.offers.add(GONE);
            }
        });
    }

    // ------------------------------------------------------------------ calls (the inbound flow's side)

    @Override
    public CallbackRequest requestCallback(WaitingCall place, String number, Language language) {
        return block(on(() -> {
            CallbackRequest request = newRequest(place, number, language);
            callbacks.put(place.id(), request);
            distributor.enqueue(place);
            dispatch();
            return request;
        }));
    }

    @Override
    public boolean staffed(Skill skill) {
        return block(on(() -> distributor.statuses().stream().anyMatch(status ->
                status.state() != AgentState.LOGGED_OUT && status.agent().skills().containsKey(skill))));
    }

    @Override
    public Optional<Skill> lastQueueOf(CallId call) {
        return block(on(() -> Optional.ofNullable(lastQueues.get(call))));
    }

    @Override
    public Ticket join(WaitingCall call) {
        FloorTicket ticket = new FloorTicket(call.id());
        block(on(() -> {
            tickets.put(call.id(), ticket);
            lastQueues.put(call.id(), call.skill());
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
        Runnable onOffer; // confined to the context
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
        public void whenOffered(Runnable action) {
            context.runOnContext(ignored -> {
                onOffer = action;
                if (action != null && agent != null && !offers.isEmpty()) {
                    action.run(); // an agent came just before the announcement began
                }
            });
        }

        @Override
        public QueueProgress progress() {
            return block(on(() -> {
                int position = distributor.position(call).orElse(1);
                Skill skill = distributor.skillOf(call).orElse(null);
                int atWork = skill == null ? 1 : distributor.agentsAtWork(skill);
                return new QueueProgress(position, estimate.forPlace(position - 1, atWork));
            }));
        }

        @Override
        public CallbackRequest callBack(String number, Language language) {
            return block(on(() -> {
                if (over) {
                    throw new CallerHungUp(null);
                }
                WaitingCall kept = distributor.keepPlaceForCallback(call);
                CallbackRequest request = newRequest(kept, number, language);
                callbacks.put(call, request);
                agent = null;
                offers.clear();
                over = true;
                tickets.remove(call);
                dispatch();
                return request;
            }));
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
        public void ringStopped() {
            block(on(() -> {
                if (agent != null && distributor.status(agent).state() == AgentState.OFFERED) {
                    distributor.withdrawn(call);
                }
                agent = null;
                dispatch();
                return true;
            }));
        }

        @Override
        public void finished(Duration talk) {
            block(on(() -> {
                estimate.handled(talk.plus(rules.wrapUp()));
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
        endConversation(ticket, clock.instant());
    }

    private void endConversation(FloorTicket ticket, Instant endedAt) {
        if (ticket.agent == null) {
            return;
        }
        AgentStatus status = distributor.status(ticket.agent);
        if (status.state() == AgentState.OFFERED && ticket.call.equals(status.offeredCall())) {
            distributor.answered(ticket.call); // Asterisk's answer event may come after the flow's report
        }
        if (distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
            wrapUp(ticket.agent, ticket.call, endedAt);
        }
        talking.remove(ticket.agent);
        ticket.agent = null;
    }

    /** A wrap-up that started now ends by its own timer at exactly the setting (on the context). */
    void endWrapUpOnTime() {
        later(rules.wrapUp(), () -> {
            distributor.endWrapUps(rules.wrapUp());
            dispatch();
        });
    }

    /** Wrap-up from the end of the conversation, ended by its own timer at exactly the setting. */
    private void wrapUp(AgentId agent, CallId call, Instant conversationEnded) {
        distributor.callEnded(agent, conversationEnded);
        wrapping.put(agent, call);
        later(Duration.between(clock.instant(), conversationEnded.plus(rules.wrapUp())), () -> {
            distributor.endWrapUps(rules.wrapUp());
            dispatch();
        });
    }

    /**
     * The handbook's call length: a warning at 3 minutes, a breach past 5, on the record and the live
     * channel, counted from the agent's answer.
     */
    private void startTalk(AgentId agent, CallId call, Instant since) {
        talking.put(agent, call);
        later(Duration.between(clock.instant(), since.plus(rules.talkWarning())), () -> talkTimeReached(agent, call, since, false));
        later(Duration.between(clock.instant(), since.plus(rules.talkLimit())), () -> talkTimeReached(agent, call, since, true));
    }

    private void talkTimeReached(AgentId agent, CallId call, Instant since, boolean breach) {
        if (!call.equals(talking.get(agent))) {
            return; // that conversation is over
        }
        Instant now = clock.instant();
        Duration talked = Duration.between(since, now);
        records.publish(call, new CallEvent.TalkTimeReached(now, agent.value(), talked, breach));
        live.publish(LiveEvent.forAgent(breach ? "talk-time-breach" : "talk-time-warning", agent.value(),
                Map.of("call", call.value(), "talkedSeconds", talked.toSeconds()), now));
    }

    private CallbackRequest newRequest(WaitingCall place, String number, Language language) {
        Instant now = clock.instant();
        return new CallbackRequest(place, number, language, now,
                rules.callbacks().deadline(now, rules.hours().nextOpening(now)), 0);
    }

    private void close(CallId id, boolean reached) {
        callbacks.remove(id);
        records.publish(id, new CallEvent.CallbackClosed(clock.instant(), reached));
    }

    private void requeue(CallbackRequest request) {
        if (callbacks.get(request.id()) == request && !dialling.containsKey(request.id())) {
            distributor.enqueue(request.call()); // the original arrival: it comes back to its own place
            dispatch();
        }
    }

    void later(Duration delay, Runnable work) {
        // Rounded up: a timer a fraction of a millisecond early would find its moment not yet come.
        long millis = (delay.toNanos() + 999_999) / 1_000_000;
        context.owner().setTimer(Math.max(1, millis), id -> work.run());
    }

    /** Agent first: the agent is reserved and rung, and only once they answer is the customer dialled. */
    private void dialCallback(Offer offer, CallbackRequest request) {
        dialling.put(offer.call(), new Dialling(offer.agent(), clock.instant()));
        // The agent's screen: whom they are about to call back, and by when.
        Map<String, Object> pop = new java.util.LinkedHashMap<>();
        pop.put("call", offer.call().value());
        pop.put("queue", offer.skill().name());
        pop.put("callback", true);
        pop.put("caller", Map.of("number", request.number()));
        pop.put("requestedAt", request.requestedAt().toString());
        pop.put("deadline", request.deadline().toString());
        pop.put("tries", request.attempts());
        live.publish(LiveEvent.forAgent("offered", offer.agent().value(), pop, clock.instant()));
        dialer.dial(request, offer.agent(), rules.agentRingFor(), new CallbackDialer.Result() {
            @Override
            public void agentDidNotAnswer(Instant rangAt) {
                context.runOnContext(ignored -> {
                    Dialling leg = dialling.get(offer.call());
                    AgentStatus status = distributor.status(offer.agent());
                    if (leg == null || status.state() != AgentState.OFFERED || !offer.call().equals(status.offeredCall())) {
                        return; // answered after all, or already settled
                    }
                    dialling.remove(offer.call());
                    distributor.notAnswered(offer.call()); // ring-no-answer pause; the request keeps its place
                    records.publish(offer.call(), new CallEvent.CallbackAttempted(clock.instant(), offer.agent().value(),
                            rangAt != null ? rangAt : leg.agentRangAt(), CallbackOutcome.AGENT_NO_ANSWER, null));
                    dispatch();
                });
            }

            @Override
            public void couldNotDial(String why) {
                context.runOnContext(ignored -> {
                    if (dialling.remove(offer.call()) == null) {
                        return;
                    }
                    LoggerFactory.getLogger(Floor.class).warn("callback {} not placed: {}", offer.call(), why);
                    distributor.abandon(offer.call()); // frees the agent without blame
                    later(REDIAL_PAUSE, () -> requeue(request));
                    dispatch();
                });
            }
        });
    }

    /** Every change ends in a dispatch, so this is where a wrap-up that just ended is seen (timer, API, pause). */
    private void recordWrapUpsEnded() {
        if (wrapping.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        wrapping.entrySet().removeIf(entry -> {
            if (distributor.status(entry.getKey()).state() == AgentState.WRAP_UP) {
                return false;
            }
            records.publish(entry.getValue(), new CallEvent.WrapUpEnded(now, entry.getKey().value()));
            return true;
        });
    }

    private void dispatch() {
        for (Offer offer : distributor.dispatch()) {
            CallbackRequest request = callbacks.get(offer.call());
            if (offer.callback() && request != null) {
                dialCallback(offer, request);
                continue;
            }
            FloorTicket ticket = tickets.get(offer.call());
            if (ticket == null) {
                distributor.abandon(offer.call()); // the flow is gone: free the agent again
                continue;
            }
            ticket.agent = offer.agent();
            ticket.offers.add(offer.agent());
            if (ticket.onOffer != null) {
                ticket.onOffer.run();
            }
        }
        recordWrapUpsEnded();
        if (agentTime != null) {
            agentTime.observe(distributor.statuses());
        }
        if (gauges != null) {
            gauges.update(distributor.waitingCount(), distributor.longestWaitingSince(), distributor.statuses());
        }
        if (stateFeed != null) {
            stateFeed.publishChanges(distributor.statuses());
        }
        if (queueFeed != null) {
            queueFeed.publishChanges(distributor.queueLines());
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

    /** Waits for the floor from a flow's own (virtual) thread or the campaign runner's; never from an event loop. */
    static <T> T block(Future<T> future) {
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
