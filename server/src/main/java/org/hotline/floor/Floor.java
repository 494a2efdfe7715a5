package org.hotline.floor;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hotline.call.AgentQueue;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.call.CallbackOutcome;
import org.hotline.call.TransferStep;
import org.hotline.customer.DialRule;
import org.hotline.live.LiveFeed;
import org.hotline.report.AgentSpan;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.DeskLog;
import org.hotline.routing.DeskState;
import org.hotline.routing.DiallingLog;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.OpenCallback;
import org.hotline.routing.OpenRequests;
import org.hotline.routing.PauseReason;
import org.hotline.routing.QueueLine;
import org.hotline.routing.UnsettledDial;
import org.hotline.routing.WaitEstimate;
import org.hotline.routing.WaitingCall;
import org.hotline.routing.WrapUpChoice;
import org.hotline.routing.WrapUpCodeRefused;
import org.hotline.routing.WrapUpCodeRule;
import org.hotline.routing.WrapUpCodes;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact-center floor: the distributor, run on the one Vert.x context that also tracks
 * calls, so every change (API, softphone feature code, call event) happens one at a time and two
 * changes at once always leave one consistent state. After every change it dispatches, handing
 * each offer to the waiting call's ticket ({@link WaitingTickets}) or to the callback desk
 * ({@link CallbackDesk}); conversations are timed by the {@link TalkTimer} and followed by
 * {@link WrapUps}.
 */
public final class Floor implements AgentQueue {

    private static final Logger LOG = LoggerFactory.getLogger(Floor.class);

    private final FloorContext floor;
    private final Distributor distributor;
    private final Clock clock;
    private final OrderedWrites writes = new OrderedWrites();
    private final WrapUps wrapUps;
    private final TalkTimer talk;
    private final CallbackDesk callbacks;
    private final WaitingTickets tickets;
    /** Conversations an earlier run connected and Asterisk still carries after a restart, by call (on the context). */
    private final Map<CallId, AgentId> carriedOver = new HashMap<>();
    /** Agents restored at start-up whose phone Asterisk has not reported on yet. */
    private final Set<AgentId> unchecked = new HashSet<>();
    private AgentStateFeed stateFeed; // confined to the context; null until someone watches the floor live
    private QueueStateFeed queueFeed; // likewise
    private FloorGauges gauges; // confined to the context; null until metrics are wanted
    private AgentTimeKeeper agentTime; // confined to the context; null until agent time is recorded
    private KeptDesks desks; // confined to the context; null until desk states are kept
    private boolean draining; // confined to the context: a graceful stop makes no new offers

    /**
     * @param records where facts about a call go once its caller has hung up (callback tries), straight to the call's record
     */
    public Floor(Context context, Distributor distributor, FloorRules rules, CallbackDialer dialer, CallEventSink records, Clock clock) {
        this.floor = new FloorContext(context);
        this.distributor = distributor;
        this.clock = clock;
        // A waiting caller's estimate counts each conversation ahead at the talk-time target.
        WaitEstimate estimate = new WaitEstimate(rules.talkWarning());
        this.wrapUps = new WrapUps(distributor, rules.wrapUp(), floor, this::dispatch, records, clock);
        this.talk = new TalkTimer(rules.talkWarning(), rules.talkLimit(), floor, records, clock);
        this.callbacks = new CallbackDesk(floor, distributor, this::dispatch, rules, dialer, records, clock, estimate, wrapUps, talk,
                writes);
        this.tickets = new WaitingTickets(floor, distributor, this::dispatch, estimate, rules.wrapUp(), wrapUps, talk, callbacks,
                clock);
        // Timers set on the context run on it: wrap-ups end on the same thread as everything else.
        floor.every(Duration.ofMillis(500), () -> {
            wrapUps.endDue();
            dispatch();
            if (agentTime != null) {
                agentTime.flush(clock.instant());
            }
        });
    }

    // ------------------------------------------------------------------ callbacks (the callback desk)

    /** Callback requests still open when the server last stopped: back in line at their own places. */
    void restore(List<CallbackRequest> open) {
        restore(open, List.of());
    }

    /**
     * Callback requests still open when the server last stopped: back in line at their own places,
     * except those it left dialling ({@code unsettled}): they wait out of line, their agent's phone
     * counted busy, until {@link #settle} says from Asterisk's facts what became of that try.
     */
    public void restore(List<CallbackRequest> open, List<UnsettledDial> unsettled) {
        callbacks.restore(open, unsettled);
    }

    /**
     * What Asterisk saw of a try a stopped server left dialling: {@code outcome} null when the agent's
     * leg was never placed (the request goes back to its place, no try counted); otherwise the try is
     * recorded with Asterisk's times and the request closed or retried like any other try.
     */
    public Future<Boolean> settle(UnsettledDial dial, CallbackOutcome outcome, Instant agentRangAt, Instant customerAnsweredAt,
                                  Instant endedAt) {
        return callbacks.settle(dial, outcome, agentRangAt, customerAnsweredAt, endedAt);
    }

    /** Refuses callback numbers the centre must not dial (emergency, short codes, premium…). */
    public void checkNumbersWith(DialRule rule) {
        callbacks.checkNumbersWith(rule);
    }

    /** Each queue's wrap-up codes and when an agent may give them (at start-up, before the first call). */
    public void codeWrapUpsWith(WrapUpCodes codes, WrapUpCodeRule rule) {
        floor.run(() -> wrapUps.codeWith(codes, rule));
    }

    /** The agent's last call and its queue's wrap-up codes, while they may see or code it. */
    public Future<Optional<WrapUpCoding.Codable>> wrapUpCall(AgentId agent) {
        return floor.on(() -> {
            distributor.status(agent); // throws for an agent not in the roster
            return wrapUps.codable(agent);
        });
    }

    /** The agent gives their last call a code of its queue's list; fails with {@link WrapUpCodeRefused} saying why not. */
    public Future<WrapUpChoice> chooseWrapUpCode(AgentId agent, CallId call, String code) {
        return floor.on(() -> {
            distributor.status(agent);
            return wrapUps.choose(agent, call, code);
        });
    }

    /** One open request per customer and queue, held in the store as well as here. */
    public void keepOpenRequestsIn(OpenRequests store) {
        callbacks.keepOpenRequestsIn(store);
    }

    /** Each try's dialling state, kept before anything is dialled. */
    public void keepDiallingIn(DiallingLog log) {
        callbacks.keepDiallingIn(log);
    }

    /** Requests the dial rule refused lately, newest last. */
    public Future<List<CallbackRequest>> refusedCallbacks() {
        return callbacks.refused();
    }

    /** The callback requests not closed yet, oldest first. */
    public Future<List<OpenCallback>> openCallbacks() {
        return callbacks.open();
    }

    /** The agent answered the callback's first leg; returns the request to dial, or empty if it is not theirs. */
    public Future<Optional<CallbackRequest>> callbackAnswered(CallId id, AgentId agent) {
        return callbacks.answered(id, agent);
    }

    /** The callback's conversation (or the try at reaching the customer) is over. */
    Future<Boolean> callbackEnded(CallId id, CallbackOutcome outcome, Instant customerAnsweredAt, Duration talk) {
        return callbacks.ended(id, outcome, customerAnsweredAt, talk, null);
    }

    /** @param agentRangAt when the agent's phone began ringing by Asterisk's dial event, or null (then the server's time) */
    public Future<Boolean> callbackEnded(CallId id, CallbackOutcome outcome, Instant customerAnsweredAt, Duration talk,
                                         Instant agentRangAt) {
        return callbacks.ended(id, outcome, customerAnsweredAt, talk, agentRangAt);
    }

    // ------------------------------------------------------------------ start-up and a graceful stop

    /**
     * Agents back as they last chose (before any call is offered: run this before the floor takes
     * calls), and every change from now on kept in {@code log}. A phone counts as unregistered until
     * Asterisk reports it, so a ready agent whose phone is gone is not offered calls.
     */
    public void keepDesksIn(DeskLog log, Map<AgentId, DeskState> kept) {
        floor.run(() -> {
            KeptDesks keeping = new KeptDesks(log, writes::write);
            kept.forEach((agent, state) -> {
                try {
                    distributor.resume(agent, state);
                    keeping.resumed(agent, state);
                    unchecked.add(agent);
                    LOG.info("agent {} back {}{} since {}{}", agent, state.state(),
                            state.reason() == null ? "" : " (" + state.reason() + ")", state.since(),
                            state.state() == AgentState.READY ? "; offered calls once Asterisk shows their phone registered" : "");
                } catch (RuntimeException e) {
                    LOG.warn("agent {}: kept state not restored ({})", agent, e.getMessage());
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
    boolean drain(Duration limit) {
        return drain(limit, () -> true);
    }

    /**
     * Like {@link #drain(Duration)}, waiting only while {@code observed} holds: with the link to the
     * switch down, the end of a conversation cannot be seen, so there is nothing to wait for.
     */
    public boolean drain(Duration limit, BooleanSupplier observed) {
        Drain drain = new Drain(limit);
        int inProgress = floor.await(() -> {
            draining = true;
            return talk.running() + callbacks.beingDialled();
        });
        LOG.info("stopping: no new offers; {} conversation(s) or callback(s) in progress may end (at most {})", inProgress, limit);
        Drain.Ended ended = drain.await(() -> floor.await(() -> talk.running() + callbacks.beingDialled() + tickets.withAgent()),
                observed);
        switch (ended.end()) {
            case QUIET -> LOG.info("stopping: nothing in progress after {} ms", ended.after().toMillis());
            case LIMIT_PASSED -> LOG.warn("stopping with conversations still in progress (the drain limit of {} has passed)", limit);
            case UNSEEN -> LOG.warn("stopping with conversations still in progress (the AMI link is down)");
            case CUT_SHORT -> {
                // the floor is gone, or the stop was interrupted: nothing more to wait for
            }
        }
        return ended.quiet();
    }

    /** Store writes still waiting are done (shutdown), up to {@code limit}. */
    public void finishWrites(Duration limit) {
        writes.finish(limit);
    }

    // ------------------------------------------------------------------ who watches the floor

    /**
     * Publishes every agent state change from now on ({@code agent-state}: wall boards, desktops).
     * Every change is followed by a dispatch, so the changes are looked for after each dispatch.
     */
    public void publishAgentStates(LiveFeed live) {
        floor.run(() -> {
            talk.publishOn(live);
            callbacks.publishOn(live);
            wrapUps.publishOn(live);
            stateFeed = new AgentStateFeed(live, distributor.statuses());
        });
    }

    /** Publishes every change of a queue's waiting calls from now on ({@code queue-state}: wall boards). */
    public void publishQueues(LiveFeed live) {
        floor.run(() -> queueFeed = new QueueStateFeed(live, clock, distributor.queueLines()));
    }

    /** Every agent's time by state (ready, on a call, paused and why) goes to {@code spans}, for the reports. */
    public void recordAgentTime(Consumer<AgentSpan> spans) {
        floor.run(() -> {
            agentTime = new AgentTimeKeeper(spans);
            agentTime.observe(distributor.statuses());
        });
    }

    /** At a graceful stop: agents' open stretches of time are counted up to now (see {@link AgentTimeKeeper#flushAll}). */
    public Future<Void> flushAgentTime() {
        Promise<Void> done = Promise.promise();
        floor.run(() -> {
            if (agentTime != null) {
                agentTime.flushAll(clock.instant());
            }
            done.complete();
        });
        return done.future();
    }

    /** Calls waiting, the longest wait and agents by state, as Prometheus gauges. */
    public void measureWith(MeterRegistry meters) {
        floor.run(() -> {
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
    <T> Future<T> withDistributor(Function<Distributor, T> work) {
        return floor.on(() -> {
            T result = work.apply(distributor);
            dispatch();
            return result;
        });
    }

    /** From the context: {@code work} runs on it after {@code delay}. */
    void later(Duration delay, Runnable work) {
        floor.after(delay, work);
    }

    /** A wrap-up that started now ends by its own timer at exactly the setting (on the context). */
    void endWrapUpOnTime() {
        wrapUps.endOnTime();
    }

    // ------------------------------------------------------------------ agents (API, feature codes)

    public Future<List<AgentStatus>> agents() {
        return floor.on(distributor::statuses);
    }

    /** Each queue: how many wait, and since when the longest has waited. */
    public Future<List<QueueLine>> queues() {
        return floor.on(distributor::queueLines);
    }

    public Future<AgentStatus> agent(AgentId id) {
        return floor.on(() -> distributor.status(id));
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

    /** An agent added (or enabled again) from the console takes a seat, logged out. */
    public Future<AgentStatus> seat(Agent agent) {
        return change(agent.id(), () -> distributor.seat(agent));
    }

    /** An agent's name, tier, team lead or skills changed from the console. */
    public Future<AgentStatus> changeAgent(Agent agent) {
        return change(agent.id(), () -> distributor.changeAgent(agent));
    }

    /**
     * A disabled or removed agent is logged out (seen so by whoever watches) and leaves the floor; refused
     * while a call rings or is connected to them, or in wrap-up (its end is still to be recorded).
     */
    public Future<Void> unseat(AgentId id) {
        return floor.on(() -> {
            AgentState state = distributor.status(id).state();
            if (state == AgentState.WRAP_UP) {
                throw new IllegalStateException("agent " + id + " is in wrap-up; they leave the floor once it ends");
            }
            distributor.logOut(id);
            dispatch();
            distributor.unseat(id);
            dispatch();
            return null;
        });
    }

    // ------------------------------------------------------------------ what Asterisk reports

    /** The agent's softphone registered or went away (from Asterisk's contact events). */
    public void phoneRegistered(AgentId id, boolean registered) {
        quietly(() -> {
            AgentStatus before = distributor.status(id);
            distributor.phoneRegistered(id, registered);
            if (!registered && before.state() == AgentState.READY && (before.phoneRegistered() || unchecked.contains(id))) {
                LOG.warn("agent {} is ready but Asterisk has no registration of their phone: not offered calls until it registers", id);
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
                talk.started(id, call, at);
            }
        });
    }

    /**
     * Asterisk reports the caller's conversation with their agent ended at {@code at}: the agent's
     * wrap-up counts from then, whenever the flow hears of it.
     */
    public void conversationEnded(CallId id, Instant at) {
        floor.run(() -> {
            endCarriedOver(id);
            tickets.conversationEnded(id, at);
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

    /**
     * A step of a transfer on the caller's call, by Asterisk: the consulted colleague is offered no
     * call while consulted; once the caller is theirs (transferred, or the three together) until the
     * call ends, as a conversation carried over. The agent who transferred has their wrap-up from the
     * transfer.
     */
    public void transferStepped(CallId id, CallEvent.TransferStepped step) {
        quietly(() -> {
            if (step.step() == TransferStep.LEFT_CONFERENCE && step.fromAgent() != null && AgentId.isValid(step.fromAgent())) {
                leftConference(id, new AgentId(step.fromAgent()), step.at());
                return;
            }
            AgentId colleague = step.target() == null || !AgentId.isValid(step.target()) || step.step() == TransferStep.BLIND
                    ? null : new AgentId(step.target());
            if (colleague == null) {
                return;
            }
            switch (step.step()) {
                case CONSULT_STARTED -> distributor.phoneBusy(colleague, true);
                case CONSULT_ENDED, CANCELLED, FAILED -> distributor.phoneBusy(colleague, false);
                case TRANSFERRED -> {
                    tickets.conversationEnded(id, step.at());
                    distributor.phoneBusy(colleague, true); // throws for an agent not on the roster
                    carriedOver.put(id, colleague);
                }
                case CONFERENCE -> {
                    distributor.phoneBusy(colleague, true);
                    carriedOver.put(id, colleague);
                }
                default -> {
                }
            }
        });
    }

    /** The agent who answered the call wraps up from their leaving; a colleague who joined is free again. */
    private void leftConference(CallId id, AgentId agent, Instant at) {
        if (tickets.connects(id, agent)) {
            tickets.conversationEnded(id, at);
        } else if (agent.equals(carriedOver.get(id))) {
            endCarriedOver(id);
        }
    }

    /** The caller's channel is gone: out of the queue, and a ringing agent freed. */
    public void callGone(CallId id) {
        floor.run(() -> {
            endCarriedOver(id);
            tickets.gone(id);
            if (distributor.letHeldPlaceGo(id)) {
                dispatch();
            }
        });
    }

    /**
     * At start: a caller Asterisk holds who was waiting in a queue when the last server went away.
     * They keep their place for {@code window} (about the time a held caller takes to ask a server
     * again), so the queue is served in the order its callers first called, whatever order they
     * come back in; one who does not come back by then loses it to those behind.
     */
    public void keepPlace(WaitingCall place, Duration window) {
        floor.run(() -> distributor.holdPlace(place, clock.instant().plus(window)));
    }

    // ------------------------------------------------------------------ calls (the inbound flow's side)

    @Override
    public boolean staffed(Skill skill) {
        return floor.await(() -> distributor.statuses().stream().anyMatch(status ->
                status.state() != AgentState.LOGGED_OUT && status.agent().skills().containsKey(skill)));
    }

    @Override
    public Optional<Skill> lastQueueOf(CallId call) {
        return tickets.lastQueueOf(call);
    }

    @Override
    public Ticket join(WaitingCall call) {
        return tickets.join(call);
    }

    @Override
    public CallbackRequest requestCallback(WaitingCall place, String number, Language language) {
        return callbacks.request(place, number, language);
    }

    @Override
    public CallbackRequest requestCallback(WaitingCall place, String number, Language language,
                                           org.hotline.routing.CallerMessage message) {
        return callbacks.leaveMessage(callbacks.request(place, number, language), message);
    }

    // ------------------------------------------------------------------ internals (on the context)

    private void endCarriedOver(CallId call) {
        AgentId agent = carriedOver.remove(call);
        if (agent != null) {
            distributor.phoneBusy(agent, false);
            dispatch();
        }
    }

    /** Every change ends here: the offers go out, then whoever watches the floor sees the change. */
    private void dispatch() {
        for (Offer offer : draining ? List.<Offer>of() : distributor.dispatch()) {
            if (offer.callback() && callbacks.offered(offer)) {
                continue;
            }
            if (!tickets.offered(offer)) {
                distributor.abandon(offer.call()); // the flow is gone: free the agent again
            }
        }
        wrapUps.recordEnded(); // where a wrap-up that just ended is seen (timer, API, pause)
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
        return floor.on(() -> {
            change.run();
            dispatch();
            return distributor.status(id);
        });
    }

    private void quietly(Runnable work) {
        floor.run(() -> {
            try {
                work.run();
                dispatch();
            } catch (RuntimeException unknownOrStale) {
                // an endpoint that is not an agent of the roster, or an event that arrived late
            }
        });
    }
}
