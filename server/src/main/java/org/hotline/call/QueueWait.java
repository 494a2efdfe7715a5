package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.cases.KnownCaller;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.QueueProgress;
import org.hotline.shared.Skill;
import org.hotline.routing.WaitingCall;

/**
 * A caller waiting in a queue for a person: hold music; their position and expected wait told at
 * once and at an interval; an apology once they have waited five rings; the offer to hang up and
 * be called back keeping their place; the agent's phone rung for at most the ring limit, the next
 * agent if it is not answered; at the maximum wait, a callback offer before a polite close.
 */
final class QueueWait {

    /** Key to be called back. Fixed because the recorded prompts say it. */
    static final char CALLBACK_KEY = '1';
    private final RingPolicy rings;
    private final WaitRules rules;
    private final AgentQueue agents;
    private final Reception reception;
    private final Clock clock;
    private final CallEventSink events;

    QueueWait(RingPolicy rings, WaitRules rules, AgentQueue agents, Reception reception, Clock clock, CallEventSink events) {
        this.rings = rings;
        this.rules = rules;
        this.agents = agents;
        this.reception = reception;
        this.clock = clock;
        this.events = events;
    }

    /** Returns CONNECTED after a conversation, CALLBACK_REQUESTED, or NO_AGENT after the maximum wait. */
    FlowOutcome run(InboundCall call, CallChannel line, Skill skill, Duration menuTimeout) {
        return run(call, line, skill, menuTimeout, null);
    }

    /**
     * @param owner an agent the call waits for first (the target of a transfer), for the owner
     *              window, before anyone else in the queue may take it; or null
     */
    FlowOutcome run(InboundCall call, CallChannel line, Skill skill, Duration menuTimeout, AgentId owner) {
        KnownCaller caller = reception.recognition().recognise(call.caller().number());
        Instant enqueued = clock.instant();
        WaitingCall place = place(call, skill, enqueued, caller);
        place = owner == null ? place : place.ownedBy(owner);
        AgentQueue.Ticket ticket = agents.join(place);
        events.publish(call.id(), new CallEvent.Queued(enqueued, skill.name(), caller.vip(), caller.longDistance()));
        // a transfer's caller (an owner to wait for) was told of the recording in the queue before
        return waitInLine(call, line, place, false, ticket, caller, menuTimeout, owner != null);
    }

    /**
     * A caller taken back from Asterisk's fallback goes back into the queue at the place they held:
     * joined when they first joined, with the head start they had; their advisor and case owner as
     * the customer file says now. They hear where they stand at once, and the apology only if they
     * have not heard it yet.
     */
    FlowOutcome rejoin(InboundCall call, CallChannel line, KeptPlace kept, Duration menuTimeout) {
        return rejoin(call, line, kept, menuTimeout, null);
    }

    /** @param owner the agent the call waits for first (a transfer's target), or null for the case owner */
    FlowOutcome rejoin(InboundCall call, CallChannel line, KeptPlace kept, Duration menuTimeout, AgentId owner) {
        KnownCaller caller = reception.recognition().recognise(call.caller().number());
        WaitingCall place = new WaitingCall(call.id(), kept.queue(), kept.since(), kept.vip(), kept.longDistance(),
                owner != null ? owner : caller.caseOwner(), kept.vip() && caller.customer() != null ? caller.customer().advisor() : null,
                false);
        AgentQueue.Ticket ticket = agents.join(place);
        events.publish(call.id(), new CallEvent.BackInQueue(clock.instant(), kept.queue().name(), kept.since()));
        return waitInLine(call, line, place, kept.apologised(), ticket, caller, menuTimeout, true);
    }

    /** The wait itself, from the place taken to the caller's leaving the queue; the place is on the channel meanwhile. */
    private FlowOutcome waitInLine(InboundCall call, CallChannel line, WaitingCall place, boolean apologised,
                                   AgentQueue.Ticket ticket, KnownCaller caller, Duration menuTimeout, boolean rejoined) {
        FlowOutcome outcome = waitForAgent(call, line, place, apologised, ticket, caller, menuTimeout, rejoined);
        try {
            line.forgetPlace();
        } catch (CallerHungUp gone) {
            // a gone line names no place to anyone: what happened to the call stands
        }
        return outcome;
    }

    private FlowOutcome waitForAgent(InboundCall call, CallChannel line, WaitingCall place, boolean apologisedBefore,
                                     AgentQueue.Ticket ticket, KnownCaller caller, Duration menuTimeout, boolean rejoined) {
        Skill skill = place.skill();
        Instant enqueued = place.enqueuedAt();
        Optional<String> callbackNumber = callbackNumber(call);
        String keys = callbackNumber.isPresent() ? String.valueOf(CALLBACK_KEY) : "";
        Instant giveUp = enqueued.plus(rules.maxWait());
        // Waiting for a person is counted from asking for one: the menu was the caller's own doing.
        Instant apologyDue = rings.apology().dueAt(enqueued);
        Instant nextAnnouncement = enqueued;
        boolean apologised = apologisedBefore;
        Duration ringFor = rules.agentRing().ringFor();
        try {
            KeptPlace kept = new KeptPlace(skill, enqueued, place.vip(), place.longDistance(), apologised);
            line.markQueued(kept);
            recorded(call, line, skill, rejoined);
            line.holdMusic(true);
            while (true) {
                Optional<AgentId> agent = ticket.awaitAgent(Duration.ZERO);
                Optional<Character> key = Optional.empty();
                Instant now = clock.instant();
                if (agent.isEmpty() && !now.isBefore(giveUp)) {
                    line.holdMusic(false);
                    if (callbackNumber.isPresent()
                            && line.ask(Prompt.MAX_WAIT_OFFER, keys, menuTimeout).filter(k -> k == CALLBACK_KEY).isPresent()) {
                        return bookCallback(call, line, ticket, callbackNumber.get(), skill);
                    }
                    ticket.leave();
                    events.publish(call.id(), new CallEvent.LeftQueue(clock.instant()));
                    return FlowOutcome.NO_AGENT;
                }
                if (agent.isEmpty() && !apologised && !now.isBefore(apologyDue)) {
                    line.holdMusic(false);
                    Instant apologyAt = clock.instant();
                    // An agent free meanwhile takes the caller at once; their screen tells them to apologise.
                    ticket.whenOffered(line::cutShort);
                    try {
                        line.play(Prompt.APOLOGY);
                    } finally {
                        ticket.whenOffered(null);
                    }
                    events.publish(call.id(), new CallEvent.ApologyPlayed(apologyAt));
                    apologised = true;
                    // Said once per call: a server that takes the caller back reads it here.
                    line.renewPlace(kept.afterTheApology());
                    line.holdMusic(true);
                    continue;
                }
                if (agent.isEmpty() && !now.isBefore(nextAnnouncement)) {
                    line.holdMusic(false);
                    Announcement said = announce(call, line, ticket, keys);
                    nextAnnouncement = clock.instant().plus(rules.announceEvery());
                    agent = said.agent;
                    key = said.key;
                    if (agent.isEmpty() && key.isEmpty()) {
                        line.holdMusic(true);
                        continue;
                    }
                }
                if (agent.isEmpty() && key.isEmpty()) {
                    // Nothing to do until the next moment the rules set, unless an agent is found or the caller acts.
                    Instant wakeAt = earliest(giveUp, apologised ? giveUp : apologyDue, nextAnnouncement);
                    key = hold(line, ticket, Duration.between(clock.instant(), wakeAt), keys);
                }
                if (key.isPresent() && key.get() == CALLBACK_KEY && callbackNumber.isPresent()) {
                    line.holdMusic(false);
                    return bookCallback(call, line, ticket, callbackNumber.get(), skill);
                }
                if (agent.isPresent()) {
                    line.holdMusic(false);
                    reception.desk().offered(new ScreenPop(call.id(), agent.get(), skill.name(), call.caller(), caller, enqueued,
                            clock.instant(), !clock.instant().isBefore(apologyDue), false));
                    Optional<FlowOutcome> talked = ring(call, line, ticket, agent.get(), ringFor);
                    if (talked.isPresent()) {
                        return talked.get();
                    }
                    line.holdMusic(true);
                }
            }
        } catch (CallerHungUp gone) {
            ticket.leave();
            if (ticket.positionWhenLeft() > 0) {
                events.publish(call.id(), new CallEvent.Abandoned(clock.instant(), ticket.positionWhenLeft()));
            }
            throw gone;
        }
    }

    /**
     * Holds the caller up to {@code max}: an agent found meanwhile cuts the hold short, so their
     * phone rings at once; the callback key ends it too. Returns the key pressed.
     */
    private static Optional<Character> hold(CallChannel line, AgentQueue.Ticket ticket, Duration max, String keys) {
        if (max.isNegative() || max.isZero()) {
            return Optional.empty();
        }
        ticket.whenOffered(line::cutShort);
        try {
            return line.hold(max, keys);
        } finally {
            ticket.whenOffered(null);
        }
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant first = a.isBefore(b) ? a : b;
        return first.isBefore(c) ? first : c;
    }

    /**
     * The caller's place: VIPs (with their advisor first) and long-distance callers get a head
     * start; a caller with a case not closed waits for its owner first.
     */
    private static WaitingCall place(InboundCall call, Skill skill, Instant enqueued, KnownCaller caller) {
        WaitingCall place = WaitingCall.ordinary(call.id(), skill, enqueued);
        if (caller.vip()) {
            place = place.asVip(caller.customer().advisor());
        }
        if (caller.caseOwner() != null) {
            place = place.ownedBy(caller.caseOwner());
        }
        return caller.longDistance() ? place.fromLongDistance() : place;
    }

    /** Outside service hours: offers a callback for when the hotline opens. Returns whether one was booked. */
    boolean offerCallbackAfterHours(InboundCall call, CallChannel line, Duration menuTimeout) {
        Optional<String> number = callbackNumber(call);
        if (number.isEmpty()) {
            return false;
        }
        Optional<Character> key = line.ask(Prompt.AFTER_HOURS_OFFER, String.valueOf(CALLBACK_KEY), menuTimeout);
        if (key.filter(k -> k == CALLBACK_KEY).isEmpty()) {
            return false;
        }
        Instant at = clock.instant();
        CallbackRequest request = agents.requestCallback(
                WaitingCall.ordinary(call.id(), rules.afterHoursQueue(), at).asCallback(), number.get(), call.language());
        events.publish(call.id(), requested(call, request, at, rules.afterHoursQueue()));
        line.play(Prompt.CALLBACK_BOOKED);
        return true;
    }

    /** The request on this call's record: its own, or the earlier one of the same customer it joined (same confirmation). */
    private static CallEvent.CallbackRequested requested(InboundCall call, CallbackRequest request, Instant at, Skill queue) {
        String joined = request.id().equals(call.id()) ? null : request.id().value();
        return new CallEvent.CallbackRequested(at, request.number(), queue.name(), request.deadline(), joined, request.refusal());
    }

    private FlowOutcome bookCallback(InboundCall call, CallChannel line, AgentQueue.Ticket ticket, String number, Skill skill) {
        Instant at = clock.instant();
        CallbackRequest request = ticket.callBack(number, call.language());
        events.publish(call.id(), requested(call, request, at, skill));
        line.play(Prompt.CALLBACK_BOOKED);
        return FlowOutcome.CALLBACK_REQUESTED;
    }

    /**
     * Rings the agent; CONNECTED (or TRANSFERRED) when the two talked. On no answer the call keeps its
     * place. The offer's ring, the answer and the conversation reach the record from Asterisk's own
     * events of the agent's leg, not from here.
     */
    private Optional<FlowOutcome> ring(InboundCall call, CallChannel line, AgentQueue.Ticket ticket, AgentId agent,
                                       Duration ringFor) {
        Instant ringStart = clock.instant();
        AgentLeg leg = line.connect(agent, ringFor);
        switch (leg.outcome()) {
            case ANSWERED -> {
                ticket.finished(Duration.between(ringStart, clock.instant()));
                return Optional.of(leg.transferred() ? FlowOutcome.TRANSFERRED : FlowOutcome.CONNECTED);
            }
            case CALLER_ABANDONED, WITHDRAWN -> {
                try {
                    line.listen("", Duration.ofMillis(1)); // the usual reason: the caller hung up during the ring
                } catch (CallerHungUp gone) {
                    ticket.leave(); // the ringing agent is freed without blame
                    // Next in line when they gave up; the tracker stamps it with Asterisk's time of the hang-up.
                    events.publish(call.id(), new CallEvent.Abandoned(clock.instant(), 1, true));
                    throw gone;
                }
                ticket.ringStopped();
                return Optional.empty();
            }
            default -> {
                ticket.notAnswered();
                return Optional.empty();
            }
        }
    }

    /**
     * The queue's recording: told first (announce; once: not again to a caller back in the queue at
     * their place), then set up for whichever agent answers.
     */
    private void recorded(InboundCall call, CallChannel line, Skill queue, boolean toldBefore) {
        RecordingMode mode = reception.recordings().modeOf(queue);
        if (mode == RecordingMode.ANNOUNCE && !toldBefore) {
            line.play(Prompt.RECORDING_NOTICE);
        }
        if (mode.records()) {
            line.recordConversations(call.id());
        }
    }

    private record Announcement(Optional<AgentId> agent, Optional<Character> key) {
    }

    /** Says the position and expected wait part by part, stopping as soon as an agent is free or the caller presses the key. */
    private Announcement announce(InboundCall call, CallChannel line, AgentQueue.Ticket ticket, String keys) {
        QueueProgress progress = ticket.progress();
        events.publish(call.id(), new CallEvent.PositionAnnounced(clock.instant(), progress.position(), progress.expectedWait()));
        List<Speech> parts = words(progress);
        if (!keys.isEmpty()) {
            parts.add(Prompt.CALLBACK_OFFER);
        }
        ticket.whenOffered(line::cutShort);
        try {
            for (Speech part : parts) {
                Optional<Character> key = line.say(part, keys);
                Optional<AgentId> agent = ticket.awaitAgent(Duration.ZERO);
                if (key.isPresent() || agent.isPresent()) {
                    return new Announcement(agent, key);
                }
            }
            return new Announcement(Optional.empty(), Optional.empty());
        } finally {
            ticket.whenOffered(null);
        }
    }

    static List<Speech> words(QueueProgress progress) {
        List<Speech> parts = new ArrayList<>();
        if (progress.ahead() == 0) {
            parts.add(Prompt.QUEUE_NEXT);
            return parts;
        }
        if (progress.ahead() > SpokenNumber.MAX) {
            parts.add(Prompt.QUEUE_MANY);
        } else {
            parts.add(Prompt.QUEUE_AHEAD);
            parts.add(new SpokenNumber(progress.ahead()));
            parts.add(Prompt.QUEUE_CALLERS);
        }
        long minutes = Math.max(1, (progress.expectedWait().toSeconds() + 59) / 60);
        if (minutes > SpokenNumber.MAX) {
            parts.add(Prompt.WAIT_LONG);
        } else {
            parts.add(Prompt.WAIT_ABOUT);
            parts.add(new SpokenNumber((int) minutes));
            parts.add(Prompt.MINUTES);
        }
        return parts;
    }

    /** A callback is offered only to a caller whose number can be dialled back. */
    private static Optional<String> callbackNumber(InboundCall call) {
        return Optional.ofNullable(call.caller().number()).filter(CallbackRequest::isDialable);
    }
}
