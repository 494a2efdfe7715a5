package org.hotline.routing;

import org.hotline.shared.Skill;
import org.hotline.shared.AgentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.hotline.shared.CallId;

/**
 * The automatic call distributor: which agent gets which waiting call, and when. Pure and
 * single-threaded: the caller serialises every use (the server runs it on one event loop).
 *
 * <p>Order within a queue: by place in line (arrival minus the priority head start, see
 * {@link PriorityRules}). A call offered to an agent who does not answer goes back to the same
 * place. Across queues, the call with the earliest place whose queue has an available agent goes
 * first. The VIP's dedicated advisor and the case owner (within the owner window) are offered the
 * call first when they are available; while the owner window runs, no one else gets that call.
 */
public final class Distributor {

    private final PriorityRules rules;
    private final AgentSelection selection;
    private final Clock clock;
    private final Map<AgentId, Seat> seats = new LinkedHashMap<>();
    private final Map<Skill, NavigableSet<Place>> queues = new HashMap<>();
    private final Map<Skill, NavigableSet<Seat>> available = new HashMap<>();
    private final Map<AgentId, NavigableSet<Place>> personal = new HashMap<>();
    private final Map<CallId, Place> waiting = new HashMap<>();
    private final Map<CallId, Place> offered = new HashMap<>();
    private final Map<CallId, Seat> offeredTo = new HashMap<>();
    /** Places kept for callers on their way back to the queue (see {@link #holdPlace}), until when. */
    private final Map<CallId, Instant> heldUntil = new HashMap<>();
    private long sequence;

    public Distributor(Collection<Agent> agents, PriorityRules rules, AgentSelection selection, Clock clock) {
        this.rules = rules;
        this.selection = selection;
        this.clock = clock;
        for (Agent agent : agents) {
            if (seats.put(agent.id(), new Seat(agent, clock.instant())) != null) {
                throw new IllegalArgumentException("agent " + agent.id() + " is defined twice");
            }
            for (Skill skill : agent.skills().keySet()) {
                available.computeIfAbsent(skill, this::availableSet);
            }
        }
    }

    // ------------------------------------------------------------------ calls

    /** A call joins its queue (taking the place held for it, if one is). */
    public void enqueue(WaitingCall call) {
        if (heldUntil.remove(call.id()) != null) {
            remove(waiting.get(call.id()));
        }
        if (waiting.containsKey(call.id()) || offered.containsKey(call.id())) {
            throw new IllegalStateException("call " + call.id() + " is already queued");
        }
        Place place = new Place(call, call.enqueuedAt().minus(rules.headStart(call)), sequence++);
        add(place);
    }

    /**
     * A caller who waited in this queue is on their way back to it (their server went away; held by
     * Asterisk, they return when they next ask a server). Their place is kept until {@code until}:
     * nobody behind them is offered an agent meanwhile, so the queue is served in the order its
     * callers first called, whatever order they come back in. Counted as waiting; a caller who does
     * not come back by then loses the place ({@link #dispatch} drops it).
     */
    public void holdPlace(WaitingCall call, Instant until) {
        if (waiting.containsKey(call.id()) || offered.containsKey(call.id())) {
            return; // back already
        }
        add(new Place(call, call.enqueuedAt().minus(rules.headStart(call)), sequence++));
        heldUntil.put(call.id(), until);
    }

    /** The caller a place was held for hung up before coming back: the place goes. Returns whether one was held. */
    public boolean letHeldPlaceGo(CallId id) {
        if (heldUntil.remove(id) == null) {
            return false;
        }
        remove(waiting.get(id));
        return true;
    }

    /** The caller hung up while waiting (or the request was withdrawn). Returns whether it was waiting. */
    public boolean abandon(CallId id) {
        heldUntil.remove(id);
        Place place = waiting.get(id);
        if (place != null) {
            remove(place);
            return true;
        }
        Place ringing = offered.remove(id);
        if (ringing != null) {
            seatOffered(id).ifPresent(this::release);
            return true;
        }
        return false;
    }

    /**
     * The caller asked to be called back: the call becomes a callback request at the very same
     * place. An agent it was being offered to (not yet ringing) is released without blame.
     */
    public WaitingCall keepPlaceForCallback(CallId id) {
        Place place = waiting.get(id);
        if (place != null) {
            remove(place);
        } else {
            place = offered.remove(id);
            if (place == null) {
                throw new IllegalStateException("call " + id + " is not in a queue");
            }
            seatOffered(id).ifPresent(this::release);
        }
        Place kept = new Place(place.call.asCallback(), place.virtualArrival, place.order);
        add(kept);
        return kept.call;
    }

    /** Agents logged in (in any state) who take this queue's calls. */
    public int agentsAtWork(Skill skill) {
        int count = 0;
        for (Seat seat : seats.values()) {
            if (seat.state != AgentState.LOGGED_OUT && seat.agent.skills().containsKey(skill)) {
                count++;
            }
        }
        return count;
    }

    /** 1-based position among the calls of the same queue, or empty when not waiting. */
    public Optional<Integer> position(CallId id) {
        Place place = waiting.get(id);
        if (place == null) {
            return Optional.empty();
        }
        return Optional.of(queues.get(place.call.skill()).headSet(place, false).size() + 1);
    }

    /** The queue of a waiting or offered call. */
    public Optional<Skill> skillOf(CallId id) {
        Place place = waiting.containsKey(id) ? waiting.get(id) : offered.get(id);
        return Optional.ofNullable(place).map(p -> p.call.skill());
    }

    public int waitingCount() {
        return waiting.size();
    }

    /** When the longest-waiting call (callback requests included) joined its queue, if any call waits. */
    public Optional<Instant> longestWaitingSince() {
        return waiting.values().stream().map(place -> place.call.enqueuedAt()).min(Instant::compareTo);
    }

    /**
     * Every queue an agent of the roster serves, and any other a call waits in, by name: how
     * many wait and since when the longest has waited.
     */
    public List<QueueLine> queueLines() {
        java.util.SortedSet<Skill> names = new TreeSet<>(available.keySet());
        names.addAll(queues.keySet());
        List<QueueLine> lines = new ArrayList<>(names.size());
        for (Skill skill : names) {
            NavigableSet<Place> queue = queues.get(skill);
            lines.add(queue == null ? new QueueLine(skill, 0, null) : new QueueLine(skill, queue.size(),
                    queue.stream().map(place -> place.call.enqueuedAt()).min(Instant::compareTo).orElse(null)));
        }
        return lines;
    }

    // ------------------------------------------------------------------ the decision

    /** Makes every offer possible now: each pairs a waiting call with an available agent, who becomes OFFERED. */
    public List<Offer> dispatch() {
        Instant now = clock.instant();
        dropPlacesNotTaken(now);
        List<Offer> offers = new ArrayList<>();
        while (true) {
            Place bestPlace = null;
            Seat bestSeat = null;
            // Calls waiting for one particular agent (advisor, case owner) who is available now.
            for (Map.Entry<AgentId, NavigableSet<Place>> mine : personal.entrySet()) {
                Seat seat = seats.get(mine.getKey());
                if (seat == null || !seat.available()) {
                    continue;
                }
                for (Place place : mine.getValue()) {
                    if (heldUntil.containsKey(place.call.id())) {
                        continue; // its caller is not back yet: nothing to offer
                    }
                    if (canTake(seat, place, now)) {
                        if (bestPlace == null || place.compareTo(bestPlace) < 0) {
                            bestPlace = place;
                            bestSeat = seat;
                        }
                        break;
                    }
                }
            }
            // The head of each queue that has an available agent, skipping calls held for their case owner.
            for (Map.Entry<Skill, NavigableSet<Place>> queue : queues.entrySet()) {
                NavigableSet<Seat> agents = available.get(queue.getKey());
                if (agents == null || agents.isEmpty()) {
                    continue;
                }
                for (Place place : queue.getValue()) {
                    if (bestPlace != null && place.compareTo(bestPlace) >= 0) {
                        break;
                    }
                    if (heldUntil.containsKey(place.call.id())) {
                        break; // a caller on their way back is ahead: those behind wait for them
                    }
                    if (!heldForOwner(place, now)) {
                        bestPlace = place;
                        bestSeat = agents.first();
                        break;
                    }
                }
            }
            if (bestPlace == null) {
                return offers;
            }
            remove(bestPlace);
            offered.put(bestPlace.call.id(), bestPlace);
            bestSeat.offeredCall = bestPlace.call.id();
            offeredTo.put(bestPlace.call.id(), bestSeat);
            change(bestSeat, AgentState.OFFERED, null);
            offers.add(new Offer(bestPlace.call.id(), bestSeat.agent.id(), bestPlace.call.skill(), now, bestPlace.call.callback()));
        }
    }

    /** The agent answered the offered call. */
    public void answered(CallId id) {
        Place place = offered.remove(id);
        if (place == null) {
            throw new IllegalStateException("call " + id + " is not being offered");
        }
        Seat seat = seatOffered(id).orElseThrow();
        seat.offeredCall = null;
        change(seat, AgentState.ON_CALL, null);
    }

    /**
     * The agent's phone rang out (or was rejected, or the phone vanished): the agent is paused
     * with ring-no-answer, and the call goes back to its own place in line.
     */
    public void notAnswered(CallId id) {
        Place place = offered.remove(id);
        if (place == null) {
            throw new IllegalStateException("call " + id + " is not being offered");
        }
        seatOffered(id).ifPresent(seat -> {
            seat.offeredCall = null;
            change(seat, AgentState.PAUSED, PauseReason.RING_NO_ANSWER);
        });
        add(place);
    }

    /**
     * The ring was stopped through no fault of the agent's (the hotline withdrew the offer): the agent
     * is free again at once, and the call goes back to its own place in line.
     */
    public void withdrawn(CallId id) {
        Place place = offered.remove(id);
        if (place == null) {
            throw new IllegalStateException("call " + id + " is not being offered");
        }
        seatOffered(id).ifPresent(this::release);
        add(place);
    }

    /** The agent's call ended: wrap-up starts. */
    public void callEnded(AgentId id) {
        callEnded(id, clock.instant());
    }

    /** The agent's call ended at {@code endedAt} (Asterisk's time, a moment ago): wrap-up counts from then. */
    public void callEnded(AgentId id, Instant endedAt) {
        Seat seat = seat(id);
        if (seat.state != AgentState.ON_CALL) {
            throw new IllegalStateException("agent " + id + " is " + seat.state + ", not on a call");
        }
        change(seat, AgentState.WRAP_UP, null);
        if (endedAt.isBefore(seat.since)) {
            seat.since = endedAt;
        }
    }

    /** Agents whose wrap-up of {@code length} is over become ready. */
    public void endWrapUps(Duration length) {
        Instant now = clock.instant();
        for (Seat seat : seats.values()) {
            if (seat.state == AgentState.WRAP_UP && !seat.since.plus(length).isAfter(now)) {
                change(seat, AgentState.READY, null);
            }
        }
    }

    // ------------------------------------------------------------------ reservations (agent-first campaigns)

    /**
     * Reserves a ready agent for a campaign contact, outside the queues: the preferred agent
     * (the case owner) when available and skilled, never the agent to avoid, else the best
     * available by the selection order. With {@code inboundFirst}, an agent who could take a
     * waiting inbound call (or callback request) is left for it. The agent becomes OFFERED, so
     * no inbound offer reaches them; empty when nobody fits now (nothing is queued).
     */
    public Optional<AgentId> reserve(Reservation reservation) {
        Instant now = clock.instant();
        NavigableSet<Seat> skilled = available.get(reservation.skill());
        if (skilled == null) {
            return Optional.empty();
        }
        List<Seat> candidates = new ArrayList<>(skilled.size() + 1);
        Seat preferred = reservation.preferred() == null ? null : seats.get(reservation.preferred());
        if (preferred != null && skilled.contains(preferred)) {
            candidates.add(preferred);
        }
        candidates.addAll(skilled);
        for (Seat seat : candidates) {
            if (seat.agent.id().equals(reservation.avoid())) {
                continue;
            }
            if (reservation.inboundFirst() && inboundWaitsFor(seat, now)) {
                continue;
            }
            seat.reservedFor = reservation.holder();
            change(seat, AgentState.OFFERED, null);
            return Optional.of(seat.agent.id());
        }
        return Optional.empty();
    }

    /** Who holds the agent's reservation (a campaign contact), if the agent is reserved. */
    public Optional<String> reservedFor(AgentId id) {
        return Optional.ofNullable(seat(id).reservedFor);
    }

    /** The reserved agent answered their phone: they are on the call. */
    public void reservationAnswered(AgentId id, String holder) {
        Seat seat = reserved(id, holder);
        seat.reservedFor = null;
        change(seat, AgentState.ON_CALL, null);
    }

    /** The reserved agent did not answer (or let the preview lapse): paused with ring-no-answer, the reservation dropped. */
    public void reservationNotAnswered(AgentId id, String holder) {
        Seat seat = reserved(id, holder);
        seat.reservedFor = null;
        change(seat, AgentState.PAUSED, PauseReason.RING_NO_ANSWER);
    }

    /** The reservation is withdrawn (contact lost, call not placed, preview declined): ready again, without blame. */
    public void releaseReservation(AgentId id, String holder) {
        release(reserved(id, holder));
    }

    private Seat reserved(AgentId id, String holder) {
        Seat seat = seat(id);
        if (seat.state != AgentState.OFFERED || holder == null || !holder.equals(seat.reservedFor)) {
            throw new IllegalStateException("agent " + id + " is not reserved for " + holder);
        }
        return seat;
    }

    /** Whether an inbound call or callback request waits that this agent could be offered. */
    private boolean inboundWaitsFor(Seat seat, Instant now) {
        NavigableSet<Place> mine = personal.get(seat.agent.id());
        if (mine != null && mine.stream().anyMatch(place -> canTake(seat, place, now))) {
            return true;
        }
        for (Skill skill : seat.agent.skills().keySet()) {
            NavigableSet<Place> queue = queues.get(skill);
            if (queue != null && queue.stream().anyMatch(place -> !heldForOwner(place, now))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ agents

    /** Logs in, or makes ready after a pause or wrap-up. */
    public void ready(AgentId id) {
        Seat seat = seat(id);
        if (seat.state == AgentState.OFFERED || seat.state == AgentState.ON_CALL) {
            throw new IllegalStateException("agent " + id + " is " + seat.state + "; ready comes after the call");
        }
        change(seat, AgentState.READY, null);
    }

    /**
     * The agent takes these queues, at these levels, from the next offer on; a call already offered
     * to them stays theirs.
     */
    public void changeSkills(AgentId id, Map<Skill, Integer> skills) {
        Seat seat = seat(id);
        Agent changed = seat.agent.withSkills(skills);
        changed.skills().keySet().forEach(skill -> available.computeIfAbsent(skill, this::availableSet));
        refresh(seat, () -> seat.agent = changed);
    }

    /** A new agent takes a seat, logged out, their phone not yet seen registered. */
    public void seat(Agent agent) {
        if (seats.containsKey(agent.id())) {
            throw new IllegalStateException("agent " + agent.id() + " has a seat already");
        }
        agent.skills().keySet().forEach(skill -> available.computeIfAbsent(skill, this::availableSet));
        seats.put(agent.id(), new Seat(agent, clock.instant()));
    }

    /** The agent's name, tier, team lead or skills changed: from the next offer on. */
    public void changeAgent(Agent changed) {
        Seat seat = seat(changed.id());
        changed.skills().keySet().forEach(skill -> available.computeIfAbsent(skill, this::availableSet));
        refresh(seat, () -> seat.agent = changed);
    }

    /** The agent leaves the floor, who must be logged out first (see {@link #logOut}). */
    public void unseat(AgentId id) {
        Seat seat = seat(id);
        if (seat.state != AgentState.LOGGED_OUT || seat.reservedFor != null) {
            throw new IllegalStateException("agent " + id + " is " + seat.state + "; they leave the floor once logged out");
        }
        seats.remove(id);
    }

    public void pause(AgentId id, PauseReason reason) {
        Seat seat = seat(id);
        if (seat.state == AgentState.LOGGED_OUT || seat.state == AgentState.OFFERED) {
            throw new IllegalStateException("agent " + id + " is " + seat.state + " and cannot pause now");
        }
        if (seat.state == AgentState.ON_CALL) {
            seat.pauseAfterCall = reason; // a pause requested mid-call starts when the call ends
            return;
        }
        change(seat, AgentState.PAUSED, reason);
    }

    public void logOut(AgentId id) {
        Seat seat = seat(id);
        if (seat.state == AgentState.OFFERED || seat.state == AgentState.ON_CALL) {
            throw new IllegalStateException("agent " + id + " is " + seat.state + "; log out after the call");
        }
        change(seat, AgentState.LOGGED_OUT, null);
    }

    /**
     * After a restart: the agent is back as they last chose (logged out, ready, or paused and why,
     * since then). Their phone counts as unregistered until Asterisk says otherwise, so nobody is
     * offered a call before their phone is seen. Only before the agent has done anything since the start.
     */
    public void resume(AgentId id, DeskState kept) {
        Seat seat = seat(id);
        if (seat.state != AgentState.LOGGED_OUT) {
            throw new IllegalStateException("agent " + id + " is already " + seat.state);
        }
        refresh(seat, () -> {
            seat.state = kept.state();
            seat.reason = kept.reason();
            seat.since = kept.since();
            seat.idleSince = kept.since();
        });
    }

    /** Whether the agent's softphone is registered: an unregistered phone is never offered a call. */
    public void phoneRegistered(AgentId id, boolean registered) {
        Seat seat = seat(id);
        refresh(seat, () -> seat.registered = registered);
    }

    /** Whether the agent's phone is busy with a call the distributor did not give (e.g. a private call). */
    public void phoneBusy(AgentId id, boolean busy) {
        Seat seat = seat(id);
        refresh(seat, () -> seat.busy = busy);
    }

    public AgentStatus status(AgentId id) {
        Seat seat = seat(id);
        return new AgentStatus(seat.agent, seat.state, seat.reason, seat.since, seat.registered, seat.busy, seat.offeredCall,
                seat.pauseAfterCall);
    }

    public List<AgentStatus> statuses() {
        return seats.keySet().stream().map(this::status).toList();
    }

    // ------------------------------------------------------------------ internals

    private void dropPlacesNotTaken(Instant now) {
        if (heldUntil.isEmpty()) {
            return;
        }
        List<CallId> lapsed = heldUntil.entrySet().stream().filter(held -> !now.isBefore(held.getValue()))
                .map(Map.Entry::getKey).toList();
        for (CallId id : lapsed) {
            heldUntil.remove(id);
            remove(waiting.get(id));
        }
    }

    private boolean canTake(Seat seat, Place place, Instant now) {
        AgentId id = seat.agent.id();
        if (id.equals(place.call.advisor())) {
            return true;
        }
        return id.equals(place.call.caseOwner()) && heldForOwner(place, now);
    }

    private boolean heldForOwner(Place place, Instant now) {
        return place.call.caseOwner() != null && now.isBefore(place.call.enqueuedAt().plus(rules.ownerWindow()));
    }

    private void add(Place place) {
        waiting.put(place.call.id(), place);
        queues.computeIfAbsent(place.call.skill(), skill -> new TreeSet<>()).add(place);
        for (AgentId agent : place.personalAgents()) {
            personal.computeIfAbsent(agent, a -> new TreeSet<>()).add(place);
        }
    }

    private void remove(Place place) {
        waiting.remove(place.call.id());
        NavigableSet<Place> queue = queues.get(place.call.skill());
        queue.remove(place);
        if (queue.isEmpty()) {
            queues.remove(place.call.skill());
        }
        for (AgentId agent : place.personalAgents()) {
            NavigableSet<Place> mine = personal.get(agent);
            mine.remove(place);
            if (mine.isEmpty()) {
                personal.remove(agent);
            }
        }
    }

    /** Back to ready after an offer that was withdrawn: not the agent's doing, so they keep their idle time. */
    private void release(Seat seat) {
        seat.offeredCall = null;
        seat.reservedFor = null;
        refresh(seat, () -> {
            seat.state = AgentState.READY;
            seat.reason = null;
            seat.since = clock.instant();
        });
    }

    private void change(Seat seat, AgentState state, PauseReason reason) {
        refresh(seat, () -> {
            Instant now = clock.instant();
            if (state == AgentState.WRAP_UP && seat.pauseAfterCall != null) {
                seat.state = AgentState.PAUSED;
                seat.reason = seat.pauseAfterCall;
                seat.pauseAfterCall = null;
            } else {
                seat.state = state;
                seat.reason = reason;
            }
            seat.since = now;
            if (state == AgentState.READY) {
                seat.idleSince = now;
            }
        });
    }

    /** Applies a change to a seat, keeping the per-skill sets of available agents right. */
    private void refresh(Seat seat, Runnable change) {
        boolean was = seat.available();
        if (was) {
            seat.agent.skills().keySet().forEach(skill -> available.get(skill).remove(seat));
        }
        change.run();
        if (seat.available()) {
            seat.agent.skills().keySet().forEach(skill -> available.get(skill).add(seat));
        }
    }

    private NavigableSet<Seat> availableSet(Skill skill) {
        var order = selection.order(skill);
        return new TreeSet<>((a, b) -> order.compare(a.asAvailable(skill), b.asAvailable(skill)));
    }

    private Optional<Seat> seatOffered(CallId id) {
        return Optional.ofNullable(offeredTo.remove(id));
    }

    private Seat seat(AgentId id) {
        Seat seat = seats.get(id);
        if (seat == null) {
            throw new UnknownAgent(id.value());
        }
        return seat;
    }

    /** A call's place in line: earlier virtual arrival first, then who joined first. */
    private record Place(WaitingCall call, Instant virtualArrival, long order) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            int byTime = virtualArrival.compareTo(other.virtualArrival);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        List<AgentId> personalAgents() {
            List<AgentId> agents = new ArrayList<>(2);
            if (call.advisor() != null) {
                agents.add(call.advisor());
            }
            if (call.caseOwner() != null && !call.caseOwner().equals(call.advisor())) {
                agents.add(call.caseOwner());
            }
            return agents;
        }
    }

    private static final class Seat {
        Agent agent;
        AgentState state = AgentState.LOGGED_OUT;
        PauseReason reason;
        PauseReason pauseAfterCall;
        Instant since;
        Instant idleSince;
        boolean registered; // until the phone is seen registered, it is never offered a call
        boolean busy;
        CallId offeredCall;
        String reservedFor; // a campaign contact the agent is reserved for (OFFERED outside the queues)

        Seat(Agent agent, Instant now) {
            this.agent = agent;
            this.since = now;
            this.idleSince = now;
        }

        boolean available() {
            return state == AgentState.READY && registered && !busy;
        }

        AgentSelection.AvailableAgent asAvailable(Skill skill) {
            return new AgentSelection.AvailableAgent(agent, agent.level(skill).orElse(0), idleSince);
        }
    }
}
