package org.hotline.floor;

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
import org.hotline.shared.Language;
import org.hotline.live.LiveEvent;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.OpenCallback;
import org.hotline.routing.QueueProgress;
import org.hotline.routing.WaitEstimate;
import org.slf4j.LoggerFactory;
import org.hotline.shared.CallId;
import org.hotline.call.CallerHungUp;
import org.hotline.live.LiveFeed;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.PauseReason;
import org.hotline.shared.Skill;
import org.hotline.routing.WaitingCall;
import org.hotline.customer.DialRule;
import org.hotline.routing.DeskLog;
import org.hotline.routing.DeskState;
import org.hotline.routing.DiallingLog;
import org.hotline.routing.OpenRequests;
import org.hotline.routing.UnsettledDial;

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
    /** Conversations an earlier run connected and Asterisk still carries after a restart, by call (on the context). */
    private final Map<CallId, AgentId> carriedOver = new HashMap<>();
    private final Map<AgentId, CallId> wrapping = new HashMap<>();
    /** Each customer's open request per queue: a second press joins it. */
    private final CustomerRequests customers = new CustomerRequests(this::dialRule);
    /** The channel id of the agent's leg of each callback being dialled, as kept in the dialling log. */
    private final Map<CallId, String> legs = new HashMap<>();
    /** Requests a stopped server left dialling, held out of line until Asterisk's facts settle them. */
    private final Map<CallId, UnsettledDial> settling = new HashMap<>();
    /** Requests refused by the dial rule lately, for supervisors (newest last). */
    private final java.util.Deque<CallbackRequest> refused = new java.util.ArrayDeque<>();
    /** Agents restored at start-up whose phone Asterisk has not reported on yet. */
    private final java.util.Set<AgentId> unchecked = new java.util.HashSet<>();
    /** Store writes that must keep their order (desk states, settled tries), off the event loop. */
    private final java.util.concurrent.ExecutorService writer =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().name("floor-writes").factory());
    private volatile DialRule numbers; // null: every dialable number is called back
    private volatile OpenRequests openRequests = OpenRequests.none();
    private volatile DiallingLog diallingLog = DiallingLog.none();
    private KeptDesks desks; // confined to the context; null until desk states are kept
    private boolean draining; // confined to the context: a graceful stop makes no new offers

    /** A callback whose agent is being rung, or talking to the customer. */
    private record Dialling(AgentId agent, Instant agentRangAt) {
    }

    /**
     * @param records where facts about a call go once its caller has hung up (callback tries), straight to the call's record
     */
    public Floor(Context context, Distributor distributor, FloorRules rules, CallbackDialer dialer, CallEventSink records, Clock clock) {
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
        restore(open, List.of());
    }

    /**
     * Callback requests still open when the server last stopped: back in line at their own places,
     * except those it left dialling ({@code unsettled}): they wait out of line, their agent's phone
     * counted busy, until {@link #settle} says from Asterisk's facts what became of that try.
     */
    public void restore(List<CallbackRequest> open, List<UnsettledDial> unsettled) {
        context.runOnContext(ignored -> {
            Map<CallId, UnsettledDial> left = new HashMap<>();
            unsettled.forEach(dial -> left.put(dial.request(), dial));
            for (CallbackRequest request : open) {
                if (callbacks.containsKey(request.id())) {
                    continue;
                }
                callbacks.put(request.id(), request);
                customers.restored(request);
                UnsettledDial dial = left.get(request.id());
                if (dial != null) {
                    settling.put(request.id(), dial);
                    try {
                        distributor.phoneBusy(dial.agent(), true); // they may still be talking to the customer
                    } catch (RuntimeException notOnTheRoster) {
                        // an agent no longer on the roster: only the request waits
                    }
                } else {
                    distributor.enqueue(request.call());
                }
            }
            dispatch();
        });
    }

    /**
     * What Asterisk saw of a try a stopped server left dialling: {@code outcome} null when the agent's
     * leg was never placed (the request goes back to its place, no try counted); otherwise the try is
     * recorded with Asterisk's times and the request closed or retried like any other try.
     */
    public Future<Boolean> settle(UnsettledDial dial, CallbackOutcome outcome, Instant agentRangAt, Instant customerAnsweredAt,
                                  Instant endedAt) {
        return on(() -> {
            if (settling.remove(dial.request()) == null) {
                return false;
            }
            try {
                distributor.phoneBusy(dial.agent(), false);
            } catch (RuntimeException notOnTheRoster) {
                // nothing to free
            }
            CallbackRequest request = callbacks.get(dial.request());
            String result = outcome == null ? "not-placed" : outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            write(() -> diallingLog.settled(dial.request(), dial.channel(), result, endedAt));
            if (request == null) {
                return true;
            }
            if (outcome == null) {
                distributor.enqueue(request.call());
            } else {
                records.publish(dial.request(), new CallEvent.CallbackAttempted(endedAt, dial.agent().value(),
                        agentRangAt != null ? agentRangAt : dial.since(), outcome, customerAnsweredAt));
                if (outcome == CallbackOutcome.AGENT_NO_ANSWER) {
                    distributor.enqueue(request.call()); // the customer was not dialled: the request keeps its place
                } else {
                    afterTry(request, outcome, Duration.ZERO);
                }
            }
            dispatch();
            return true;
        });
    }

    // ------------------------------------------------------------------ what is kept across a restart

    /** Refuses callback numbers the centre must not dial (emergency, short codes, premium…). */
    public void checkNumbersWith(DialRule rule) {
        this.numbers = rule;
    }

    /** One open request per customer and queue, held in the store as well as here. */
    public void keepOpenRequestsIn(OpenRequests store) {
        this.openRequests = store;
    }

    /** Each try's dialling state, kept before anything is dialled. */
    public void keepDiallingIn(DiallingLog log) {
        this.diallingLog = log;
    }

    /**
     * Agents back as they last chose (before any call is offered: run this before the floor takes
     * calls), and every change from now on kept in {@code log}. A phone counts as unregistered until
     * Asterisk reports it, so a ready agent whose phone is gone is not offered calls.
     */
    public void keepDesksIn(DeskLog log, Map<AgentId, DeskState> kept) {
        context.runOnContext(ignored -> {
            KeptDesks keeping = new KeptDesks(log, this::write);
            kept.forEach((agent, state) -> {
                try {
                    distributor.resume(agent, state);
                    keeping.resumed(agent, state);
                    unchecked.add(agent);
                    LoggerFactory.getLogger(Floor.class).info("agent {} back {}{} since {}{}", agent, state.state(),
                            state.reason() == null ? "" : " (" + state.reason() + ")", state.since(),
                            state.state() == AgentState.READY ? "; offered calls once Asterisk shows their phone registered" : "");
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Floor.class).warn("agent {}: kept state not restored ({})", agent, e.getMessage());
                }
            });
            desks = keeping;
            dispatch();
        });
    }

    /**
     * A graceful stop: no new offers (so no new dials) from now on; returns once no agent is being
     * rung for a callback and every conversation has ended, or when {@code limit} has passed. Blocks:
     * never from an event loop.
     */
    public boolean drain(Duration limit) {
        return drain(limit, () -> true);
    }

    /**
     * Like {@link #drain(Duration)}, waiting only while {@code observed} holds: with the link to the
     * switch down, the end of a conversation cannot be seen, so there is nothing to wait for.
     */
    public boolean drain(Duration limit, java.util.function.BooleanSupplier observed) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        int inProgress = block(on(() -> {
            draining = true;
            return talking.size() + dialling.size();
        }));
        LoggerFactory.getLogger(Floor.class).info("stopping: no new offers; {} conversation(s) or callback(s) in progress may end "
                + "(at most {})", inProgress, limit);
        while (true) {
            boolean quiet;
            try {
                quiet = block(on(() -> dialling.isEmpty() && talking.isEmpty()
                        && tickets.values().stream().noneMatch(ticket -> ticket.agent != null)));
            } catch (IllegalStateException floorGone) {
                return false;
            }
            if (quiet) {
                LoggerFactory.getLogger(Floor.class).info("stopping: nothing in progress after {} ms",
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return true;
            }
            if (System.nanoTime() >= deadline || !observed.getAsBoolean()) {
                LoggerFactory.getLogger(Floor.class).warn("stopping with conversations still in progress ({})",
                        observed.getAsBoolean() ? "the drain limit of " + limit + " has passed" : "the AMI link is down");
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Store writes still waiting are done (shutdown), up to {@code limit}. */
    public void finishWrites(Duration limit) {
        writer.shutdown();
        try {
            writer.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests the dial rule refused lately, newest last. */
    public Future<List<CallbackRequest>> refusedCallbacks() {
        return on(() -> List.copyOf(refused));
    }

    /** The callback requests not closed yet, oldest first. */
    public Future<List<OpenCallback>> openCallbacks() {
        return on(() -> callbacks.values().stream()
                .sorted(java.util.Comparator.comparing(CallbackRequest::requestedAt))
                .map(request -> new OpenCallback(request, distributor.position(request.id()).orElse(0),
                        dialling.containsKey(request.id()) || settling.containsKey(request.id())))
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
            settled(id, outcome);
            afterTry(request, outcome, talk);
            dispatch();
            return true;
        });
    }

    /** After a try: closed when the customer was reached or the tries are used up, else back in line later. */
    private void afterTry(CallbackRequest request, CallbackOutcome outcome, Duration talk) {
        CallId id = request.id();
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
    }

    /** The try's dialling state settled in the store, after the try was recorded. */
    private void settled(CallId id, CallbackOutcome outcome) {
        String channel = legs.remove(id);
        if (channel != null) {
            Instant at = clock.instant();
            write(() -> diallingLog.settled(id, channel, outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), at));
        }
    }

    private void write(Runnable work) {
        try {
            writer.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Floor.class).warn("floor state not written to the store: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LoggerFactory.getLogger(Floor.class).warn("floor state not written: the server is stopping");
        }
    }

    /**
     * Publishes every agent state change from now on ({@code agent-state}: wall boards, desktops).
     * Every change is followed by a dispatch, so the changes are looked for after each dispatch.
     */
    public void publishAgentStates(LiveFeed live) {
        context.runOnContext(ignored -> {
            this.live = live;
            stateFeed = new AgentStateFeed(live, distributor.statuses());
        });
    }

    /** Publishes every change of a queue's waiting calls from now on ({@code queue-state}: wall boards). */
    public void publishQueues(LiveFeed live) {
        context.runOnContext(ignored -> queueFeed = new QueueStateFeed(live, clock, distributor.queueLines()));
    }

    /** Every agent's time by state (ready, on a call, paused and why) goes to {@code spans}, for the reports. */
    public void recordAgentTime(java.util.function.Consumer<org.hotline.report.AgentSpan> spans) {
        context.runOnContext(ignored -> {
            agentTime = new AgentTimeKeeper(spans);
            agentTime.observe(distributor.statuses());
        });
    }

    /** At a graceful stop: agents' open stretches of time are counted up to now (see {@link AgentTimeKeeper#flushAll}). */
    public Future<Void> flushAgentTime() {
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
    public void measureWith(io.micrometer.core.instrument.MeterRegistry meters) {
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
        quietly(() -> {
            AgentStatus before = distributor.status(id);
            distributor.phoneRegistered(id, registered);
            if (!registered && before.state() == AgentState.READY && (before.phoneRegistered() || unchecked.contains(id))) {
                LoggerFactory.getLogger(Floor.class).warn("agent {} is ready but Asterisk has no registration of their phone: "
                        + "not offered calls until it registers", id);
            }
            unchecked.remove(id);
        });
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
            endCarriedOver(id);
            FloorTicket ticket = tickets.get(id);
            if (ticket != null && ticket.agent != null
                    && distributor.status(ticket.agent).state() == AgentState.ON_CALL) {
                endConversation(ticket, at);
                dispatch();
            }
        });
    }

    /**
     * After a restart: a conversation the last run connected goes on in Asterisk. Its agent, though
     * back at their desk as they left it, is offered nothing until Asterisk ends that conversation.
     */
    public void conversationCarriedOver(CallId call, AgentId agent) {
        quietly(() -> {
            distributor.phoneBusy(agent, true); // throws for an agent no longer on the roster
            carriedOver.put(call, agent);
        });
    }

    private void endCarriedOver(CallId call) {
        AgentId agent = carriedOver.remove(call);
        if (agent != null) {
            distributor.phoneBusy(agent, false);
            dispatch();
        }
    }

    /** The caller's channel is gone: out of the queue, and a ringing agent freed. */
    public void callGone(CallId id) {
        context.runOnContext(ignored -> {
            endCarriedOver(id);
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
        Optional<DialRule.Refusal> refusal = refusalOf(number);
        if (refusal.isPresent()) {
            return block(on(() -> refuse(newRequest(place, number, language), refusal.get())));
        }
        CallId holder = claim(place.skill(), number, place.id());
        return block(on(() -> {
            customers.claimed(place.id());
            CallbackRequest earlier = callbacks.get(holder);
            if (!holder.equals(place.id())) {
                return joined(earlier, place, number, language, holder);
            }
            CallbackRequest request = newRequest(place, number, language);
            callbacks.put(place.id(), request);
            distributor.enqueue(place);
            dispatch();
            return request;
        }));
    }

    private DialRule dialRule() {
        return numbers;
    }

    private Optional<DialRule.Refusal> refusalOf(String number) {
        DialRule rule = numbers;
        return rule == null ? Optional.empty() : rule.check(number);
    }

    /** Kept on the call's record and shown to supervisors; never queued, never dialled. */
    private CallbackRequest refuse(CallbackRequest request, DialRule.Refusal why) {
        CallbackRequest refusedRequest = request.refused(why.id());
        refused.addLast(refusedRequest);
        while (refused.size() > 100) {
            refused.removeFirst();
        }
        LoggerFactory.getLogger(Floor.class).warn("callback of call {} refused by the dial rule: {}", request.id(), why.id());
        return refusedRequest;
    }

    /** The request this call joined (its customer's open one, with its earlier place). */
    private CallbackRequest joined(CallbackRequest earlier, WaitingCall place, String number, Language language, CallId holder) {
        if (earlier != null) {
            return earlier;
        }
        // Held in the store by a request this floor does not run: the call's record names it all the same.
        CallbackRequest request = newRequest(WaitingCall.ordinary(holder, place.skill(), place.enqueuedAt()).asCallback(),
                number, language);
        return request;
    }

    /**
     * Which call holds the customer's open request in {@code queue}: this floor's memory first (one
     * change at a time), then the store's conditional write (a restart, another server). A store that
     * cannot be reached does not stop the request: the floor's memory holds it.
     */
    private CallId claim(Skill queue, String number, CallId call) {
        CallId held = block(on(() -> customers.holderOrClaim(queue, number, call, callbacks::containsKey)));
        if (!held.equals(call)) {
            return held;
        }
        try {
            CallId holder = openRequests.claim(queue, customers.customer(number), call,
                    other -> block(on(() -> callbacks.containsKey(other) || customers.claiming(other))));
            if (!holder.equals(call)) {
                block(on(() -> {
                    customers.letGo(queue, number, call);
                    return true;
                }));
            }
            return holder;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Floor.class).warn("open callback request not claimed in the store ({}); the floor holds it",
                    e.toString());
            return call;
        }
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
            Optional<DialRule.Refusal> refusal = refusalOf(number);
            Optional<Skill> queue = refusal.isPresent() ? Optional.empty() : block(on(() -> distributor.skillOf(call)));
            CallId holder = queue.map(skill -> claim(skill, number, call)).orElse(call);
            return block(on(() -> {
                customers.claimed(call);
                if (over) {
                    if (holder.equals(call) && queue.isPresent()) {
                        customers.letGo(queue.get(), number, call);
                        String customer = customers.customer(number);
                        write(() -> openRequests.release(queue.get(), customer, call));
                    }
                    throw new CallerHungUp(null);
                }
                if (refusal.isPresent() || !holder.equals(call)) {
                    // Refused, or joined to the customer's open request: this call leaves the line.
                    WaitingCall place = distributor.keepPlaceForCallback(call);
                    distributor.abandon(call);
                    return leaveForCallback(refusal.isPresent() ? refuse(newRequest(place, number, language), refusal.get())
                            : joined(callbacks.get(holder), place, number, language, holder));
                }
                WaitingCall kept = distributor.keepPlaceForCallback(call);
                CallbackRequest request = newRequest(kept, number, language);
                callbacks.put(call, request);
                return leaveForCallback(request);
            }));
        }

        /** The call leaves the line with its callback request (on the context). */
        private CallbackRequest leaveForCallback(CallbackRequest request) {
            agent = null;
            offers.clear();
            over = true;
            tickets.remove(call);
            dispatch();
            return request;
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
        CallbackRequest request = callbacks.remove(id);
        if (request != null) {
            Skill queue = request.call().skill();
            String number = request.number();
            customers.letGo(queue, number, id);
            String customer = customers.customer(number);
            write(() -> openRequests.release(queue, customer, id));
        }
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
            public void placing(String channel) {
                // Kept before the Originate: a restart finds this try "dialling" and asks Asterisk, never dials again.
                diallingLog.dialling(offer.call(), request.attempts() + 1, offer.agent(), channel, clock.instant());
                context.runOnContext(ignored -> {
                    if (dialling.containsKey(offer.call())) {
                        legs.put(offer.call(), channel);
                    }
                });
            }

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
                    settled(offer.call(), CallbackOutcome.AGENT_NO_ANSWER);
                    dispatch();
                });
            }

            @Override
            public void couldNotDial(String why) {
                context.runOnContext(ignored -> {
                    if (dialling.remove(offer.call()) == null) {
                        return;
                    }
                    String channel = legs.remove(offer.call());
                    if (channel != null) {
                        Instant at = clock.instant();
                        write(() -> diallingLog.settled(offer.call(), channel, "not-placed", at));
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
        for (Offer offer : draining ? List.<Offer>of() : distributor.dispatch()) {
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
        if (desks != null) {
            desks.observe(distributor.statuses());
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
