package org.hotline.floor;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.call.CallbackOutcome;
import org.hotline.customer.DialRule;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.CallbackDialer;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.CallerMessage;
import org.hotline.routing.DiallingLog;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.OpenCallback;
import org.hotline.routing.OpenRequests;
import org.hotline.routing.UnsettledDial;
import org.hotline.routing.WaitEstimate;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback desk: callers' requests to be called back, one open request per customer and queue;
 * each waits in line at its caller's place, and when its turn comes the agent is rung first and the
 * customer dialled once they answer; the outcome closes the request or tries again later. Every try
 * is kept in the store before it is dialled, so a restart neither loses a request nor dials a try
 * twice. Runs on the floor's context, except where a method says it is called from a flow's thread.
 */
final class CallbackDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDesk.class);

    /** After a callback could not be placed at all, how long before its next turn (so a broken link is not hammered). */
    private static final Duration REDIAL_PAUSE = Duration.ofSeconds(5);

    private final FloorContext floor;
    private final Distributor distributor;
    private final Runnable dispatch;
    private final FloorRules rules;
    private final CallbackDialer dialer;
    private final CallEventSink records;
    private final Clock clock;
    private final WaitEstimate estimate;
    private final WrapUps wrapUps;
    private final TalkTimer talk;
    private final OrderedWrites writes;
    private final Map<CallId, CallbackRequest> callbacks = new HashMap<>();
    private final Map<CallId, Dialling> dialling = new HashMap<>();
    /** The channel id of the agent's leg of each callback being dialled, as kept in the dialling log. */
    private final Map<CallId, String> legs = new HashMap<>();
    /** Requests a stopped server left dialling, held out of line until Asterisk's facts settle them. */
    private final Map<CallId, UnsettledDial> settling = new HashMap<>();
    /** Requests refused by the dial rule lately, for supervisors (newest last). */
    private final Deque<CallbackRequest> refused = new ArrayDeque<>();
    /** Each customer's open request per queue: a second press joins it. */
    private final CustomerRequests customers = new CustomerRequests(this::dialRule);
    private volatile DialRule numbers; // null: every dialable number is called back
    private volatile OpenRequests openRequests = OpenRequests.none();
    private volatile DiallingLog diallingLog = DiallingLog.none();
    private LiveFeed live = LiveFeed.none();

    /** A callback whose agent is being rung, or talking to the customer. */
    private record Dialling(AgentId agent, Instant agentRangAt) {
    }

    /**
     * @param dispatch the floor's dispatch, after every change
     * @param records  where facts about a request go (its tries, its close), straight to the call's record
     */
    CallbackDesk(FloorContext floor, Distributor distributor, Runnable dispatch, FloorRules rules, CallbackDialer dialer,
                 CallEventSink records, Clock clock, WaitEstimate estimate, WrapUps wrapUps, TalkTimer talk, OrderedWrites writes) {
        this.floor = floor;
        this.distributor = distributor;
        this.dispatch = dispatch;
        this.rules = rules;
        this.dialer = dialer;
        this.records = records;
        this.clock = clock;
        this.estimate = estimate;
        this.wrapUps = wrapUps;
        this.talk = talk;
        this.writes = writes;
    }

    // ------------------------------------------------------------------ what is kept across a restart (any thread)

    void checkNumbersWith(DialRule rule) {
        this.numbers = rule;
    }

    void keepOpenRequestsIn(OpenRequests store) {
        this.openRequests = store;
    }

    void keepDiallingIn(DiallingLog log) {
        this.diallingLog = log;
    }

    /** The agent's screen hears whom they are about to call back from now on. */
    void publishOn(LiveFeed live) {
        this.live = live;
    }

    /** See {@link Floor#restore(List, List)}. */
    void restore(List<CallbackRequest> open, List<UnsettledDial> unsettled) {
        floor.run(() -> {
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
            dispatch.run();
        });
    }

    /** See {@link Floor#settle}. */
    Future<Boolean> settle(UnsettledDial dial, CallbackOutcome outcome, Instant agentRangAt, Instant customerAnsweredAt,
                           Instant endedAt) {
        return floor.on(() -> {
            if (settling.remove(dial.request()) == null) {
                return false;
            }
            try {
                distributor.phoneBusy(dial.agent(), false);
            } catch (RuntimeException notOnTheRoster) {
                // nothing to free
            }
            CallbackRequest request = callbacks.get(dial.request());
            String result = outcome == null ? "not-placed" : kept(outcome);
            writes.write(() -> diallingLog.settled(dial.request(), dial.channel(), result, endedAt));
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
            dispatch.run();
            return true;
        });
    }

    // ------------------------------------------------------------------ for supervisors

    /** Requests the dial rule refused lately, newest last. */
    Future<List<CallbackRequest>> refused() {
        return floor.on(() -> List.copyOf(refused));
    }

    /** The requests not closed yet, oldest first. */
    Future<List<OpenCallback>> open() {
        return floor.on(() -> callbacks.values().stream()
                .sorted(Comparator.comparing(CallbackRequest::requestedAt))
                .map(request -> new OpenCallback(request, distributor.position(request.id()).orElse(0),
                        dialling.containsKey(request.id()) || settling.containsKey(request.id())))
                .toList());
    }

    // ------------------------------------------------------------------ the callback's call (the agent-first leg's side)

    /** The agent answered the callback's first leg; the request to dial, or empty if it is not theirs. */
    Future<Optional<CallbackRequest>> answered(CallId id, AgentId agent) {
        return floor.on(() -> {
            Dialling leg = dialling.get(id);
            CallbackRequest request = callbacks.get(id);
            if (leg == null || request == null || !leg.agent().equals(agent)) {
                return Optional.empty();
            }
            AgentStatus status = distributor.status(agent);
            if (status.state() == AgentState.OFFERED && id.equals(status.offeredCall())) {
                distributor.answered(id);
                talk.started(agent, id, clock.instant());
            } else if (status.state() != AgentState.ON_CALL) {
                return Optional.empty(); // Asterisk's answer event may already have put them on the call; anything else is stale
            }
            return Optional.of(request);
        });
    }

    /** The callback's conversation (or the try at reaching the customer) is over. */
    Future<Boolean> ended(CallId id, CallbackOutcome outcome, Instant customerAnsweredAt, Duration talked, Instant agentRangAt) {
        return floor.on(() -> {
            Dialling leg = dialling.remove(id);
            CallbackRequest request = callbacks.get(id);
            if (leg == null || request == null) {
                return false;
            }
            if (distributor.status(leg.agent()).state() == AgentState.ON_CALL) {
                wrapUps.start(leg.agent(), id, request.call().skill(), clock.instant());
            }
            talk.ended(leg.agent());
            records.publish(id, new CallEvent.CallbackAttempted(clock.instant(), leg.agent().value(),
                    agentRangAt != null ? agentRangAt : leg.agentRangAt(), outcome, customerAnsweredAt));
            settled(id, outcome);
            afterTry(request, outcome, talked);
            dispatch.run();
            return true;
        });
    }

    // ------------------------------------------------------------------ requests (the inbound flow's side)

    /** From a flow's thread: a caller who is not in a queue asks to be called back; the request takes its place from now. */
    CallbackRequest request(WaitingCall place, String number, Language language) {
        Optional<DialRule.Refusal> refusal = refusalOf(number);
        if (refusal.isPresent()) {
            return floor.await(() -> refused(place, number, language, refusal.get()));
        }
        CallId holder = claim(place.skill(), number, place.id());
        return floor.await(() -> {
            customers.claimed(place.id());
            if (!holder.equals(place.id())) {
                return joined(place, number, language, holder);
            }
            CallbackRequest request = opened(place, number, language);
            distributor.enqueue(place);
            dispatch.run();
            return request;
        });
    }

    /**
     * From a flow's thread: the request a caller's message made (their own, or the open one of the
     * same customer it joined) carries the message from now on; the request as it is then.
     */
    CallbackRequest leaveMessage(CallbackRequest request, CallerMessage message) {
        return floor.await(() -> {
            CallbackRequest open = callbacks.computeIfPresent(request.id(), (id, kept) -> kept.withMessage(message));
            return open != null ? open : request.withMessage(message);
        });
    }

    /** Any thread: why the dial rule refuses to call {@code number} back, if it does. */
    Optional<DialRule.Refusal> refusalOf(String number) {
        DialRule rule = numbers;
        return rule == null ? Optional.empty() : rule.check(number);
    }

    /**
     * From a flow's thread: which call holds the customer's open request in {@code queue} — this
     * floor's memory first (one change at a time), then the store's conditional write (a restart,
     * another server). A store that cannot be reached does not stop the request: the floor's memory
     * holds it. Until {@link #claimed} the claim holds the customer for {@code call}.
     */
    CallId claim(Skill queue, String number, CallId call) {
        CallId held = floor.await(() -> customers.holderOrClaim(queue, number, call, callbacks::containsKey));
        if (!held.equals(call)) {
            return held;
        }
        try {
            CallId holder = openRequests.claim(queue, customers.customer(number), call,
                    other -> floor.await(() -> callbacks.containsKey(other) || customers.claiming(other)));
            if (!holder.equals(call)) {
                floor.await(() -> {
                    customers.letGo(queue, number, call);
                    return true;
                });
            }
            return holder;
        } catch (RuntimeException e) {
            LOG.warn("open callback request not claimed in the store ({}); the floor holds it", e.toString());
            return call;
        }
    }

    /** The claim of {@code call} is over: its request is opened or joined now, or the caller is gone. */
    void claimed(CallId call) {
        customers.claimed(call);
    }

    /** {@code call} no longer holds the customer's request (closed, or its caller gone): here and in the store. */
    void letGo(Skill queue, String number, CallId call) {
        customers.letGo(queue, number, call);
        String customer = customers.customer(number);
        writes.write(() -> openRequests.release(queue, customer, call));
    }

    /** Kept on the call's record and shown to supervisors; never queued, never dialled. */
    CallbackRequest refused(WaitingCall place, String number, Language language, DialRule.Refusal why) {
        CallbackRequest refusedRequest = newRequest(place, number, language).refused(why.id());
        refused.addLast(refusedRequest);
        while (refused.size() > 100) {
            refused.removeFirst();
        }
        LOG.warn("callback of call {} refused by the dial rule: {}", refusedRequest.id(), why.id());
        return refusedRequest;
    }

    /** The request this call joined: its customer's open one ({@code holder}'s), with its earlier place. */
    CallbackRequest joined(WaitingCall place, String number, Language language, CallId holder) {
        CallbackRequest earlier = callbacks.get(holder);
        if (earlier != null) {
            return earlier;
        }
        // Held in the store by a request this floor does not run: the call's record names it all the same.
        return newRequest(WaitingCall.ordinary(holder, place.skill(), place.enqueuedAt()).asCallback(), number, language);
    }

    /** The call's own request, open from now at {@code place} (the caller puts it in line). */
    CallbackRequest opened(WaitingCall place, String number, Language language) {
        CallbackRequest request = newRequest(place, number, language);
        callbacks.put(place.id(), request);
        return request;
    }

    // ------------------------------------------------------------------ the floor's side

    /** The distributor offers a request its agent: dialled now, the agent first. False when the desk holds no such request. */
    boolean offered(Offer offer) {
        CallbackRequest request = callbacks.get(offer.call());
        if (request == null) {
            return false;
        }
        dial(offer, request);
        return true;
    }

    /** How many callbacks are being dialled or talked in now. */
    int beingDialled() {
        return dialling.size();
    }

    // ------------------------------------------------------------------ internals (on the context)

    private DialRule dialRule() {
        return numbers;
    }

    private CallbackRequest newRequest(WaitingCall place, String number, Language language) {
        Instant now = clock.instant();
        return new CallbackRequest(place, number, language, now,
                rules.callbacks().deadline(now, rules.hours().nextOpening(now)), 0);
    }

    /** Agent first: the agent is reserved and rung, and only once they answer is the customer dialled. */
    private void dial(Offer offer, CallbackRequest request) {
        dialling.put(offer.call(), new Dialling(offer.agent(), clock.instant()));
        live.publish(LiveEvent.forAgent("offered", offer.agent().value(), pop(offer, request), clock.instant()));
        dialer.dial(request, offer.agent(), rules.agentRingFor(), new CallbackDialer.Result() {
            @Override
            public void placing(String channel) {
                // Kept before the Originate: a restart finds this try "dialling" and asks Asterisk, never dials again.
                diallingLog.dialling(offer.call(), request.attempts() + 1, offer.agent(), channel, clock.instant());
                floor.run(() -> {
                    if (dialling.containsKey(offer.call())) {
                        legs.put(offer.call(), channel);
                    }
                });
            }

            @Override
            public void agentDidNotAnswer(Instant rangAt) {
                floor.run(() -> {
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
                    dispatch.run();
                });
            }

            @Override
            public void couldNotDial(String why) {
                floor.run(() -> {
                    if (dialling.remove(offer.call()) == null) {
                        return;
                    }
                    String channel = legs.remove(offer.call());
                    if (channel != null) {
                        Instant at = clock.instant();
                        writes.write(() -> diallingLog.settled(offer.call(), channel, "not-placed", at));
                    }
                    LOG.warn("callback {} not placed: {}", offer.call(), why);
                    distributor.abandon(offer.call()); // frees the agent without blame
                    floor.after(REDIAL_PAUSE, () -> requeue(request));
                    dispatch.run();
                });
            }
        });
    }

    /** The agent's screen: whom they are about to call back, and by when. */
    private static Map<String, Object> pop(Offer offer, CallbackRequest request) {
        Map<String, Object> pop = new LinkedHashMap<>();
        pop.put("call", offer.call().value());
        pop.put("queue", offer.skill().name());
        pop.put("callback", true);
        pop.put("caller", Map.of("number", request.number()));
        pop.put("requestedAt", request.requestedAt().toString());
        pop.put("deadline", request.deadline().toString());
        pop.put("tries", request.attempts());
        return pop;
    }

    /** After a try: closed when the customer was reached or the tries are used up, else back in line later. */
    private void afterTry(CallbackRequest request, CallbackOutcome outcome, Duration talked) {
        CallId id = request.id();
        CallbackRequest tried = request.attempted();
        if (outcome == CallbackOutcome.CUSTOMER_ANSWERED) {
            estimate.handled(talked.plus(rules.wrapUp()));
            close(id, true);
        } else if (rules.callbacks().triesAgain(tried)) {
            callbacks.put(id, tried);
            floor.after(rules.callbacks().retryAfter(), () -> requeue(tried));
        } else {
            close(id, false);
        }
    }

    /** The try's dialling state settled in the store, after the try was recorded. */
    private void settled(CallId id, CallbackOutcome outcome) {
        String channel = legs.remove(id);
        if (channel != null) {
            Instant at = clock.instant();
            writes.write(() -> diallingLog.settled(id, channel, kept(outcome), at));
        }
    }

    /** An outcome as the dialling log keeps it: {@code customer-answered}. */
    private static String kept(CallbackOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void close(CallId id, boolean reached) {
        CallbackRequest request = callbacks.remove(id);
        if (request != null) {
            letGo(request.call().skill(), request.number(), id);
        }
        records.publish(id, new CallEvent.CallbackClosed(clock.instant(), reached));
    }

    private void requeue(CallbackRequest request) {
        if (callbacks.get(request.id()) == request && !dialling.containsKey(request.id())) {
            distributor.enqueue(request.call()); // the original arrival: it comes back to its own place
            dispatch.run();
        }
    }
}
