package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hotline.routing.AgentId;
import org.hotline.routing.Skill;
import org.hotline.routing.WaitingCall;
import java.util.Optional;

/**
 * What the hotline does with every inbound call: answer by the planned ring, apologise if the
 * caller already waited too long, greet naming the company, ask the menu until a valid choice or
 * the attempts run out, close politely and hang up. Never a bare hang-up.
 */
public final class InboundFlow {

    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final RingPolicy rings;
    private final IvrMenu menu;
    private final AgentQueue agents;
    private final Duration maxWait;
    private final ServiceHours hours;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CallEventSink events;

    /** @param maxWait how long a caller waits in a queue for an agent before being closed politely */
    public InboundFlow(RingPolicy rings, IvrMenu menu, AgentQueue agents, Duration maxWait, ServiceHours hours, Clock clock,
                       Sleeper sleeper, CallEventSink events) {
        this.rings = rings;
        this.menu = menu;
        this.agents = agents;
        this.maxWait = maxWait;
        this.hours = hours;
        this.clock = clock;
        this.sleeper = sleeper;
        this.events = events;
    }

    public FlowOutcome handle(InboundCall call, CallChannel line) {
        events.publish(call.id(), new CallEvent.FlowStarted(clock.instant(), call.language()));
        FlowOutcome outcome;
        try {
            sleeper.sleepUntil(rings.plannedAnswer(call.arrival()));
            line.answer();
            if (rings.measure(call.arrival(), clock.instant()).apologyDue()) {
                Instant apologyAt = clock.instant();
                line.play(Prompt.APOLOGY);
                events.publish(call.id(), new CallEvent.ApologyPlayed(apologyAt));
            }
            line.play(Prompt.GREETING);
            if (!hours.isOpen(clock.instant())) {
                events.publish(call.id(), new CallEvent.AfterHours(clock.instant()));
                line.play(Prompt.AFTER_HOURS);
                line.play(Prompt.CLOSING);
                line.markFinished();
                events.publish(call.id(), new CallEvent.HangupRequested(clock.instant()));
                line.hangUp();
                events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), FlowOutcome.AFTER_HOURS));
                return FlowOutcome.AFTER_HOURS;
            }
            Optional<String> choice = askMenu(call, line);
            outcome = choice.isPresent() ? FlowOutcome.COMPLETED : FlowOutcome.NO_CHOICE;
            if (choice.isPresent() && agents.staffed(new Skill(choice.get()))) {
                outcome = waitForAgent(call, line, new Skill(choice.get()));
            }
            if (outcome != FlowOutcome.CONNECTED && choice.isPresent()) {
                line.play(Prompt.CHOICE_RECORDED);
            }
            line.play(Prompt.CLOSING);
            line.markFinished();
            events.publish(call.id(), new CallEvent.HangupRequested(clock.instant()));
            line.hangUp();
        } catch (CallerHungUp gone) {
            outcome = FlowOutcome.CALLER_HUNG_UP;
        } catch (RuntimeException failure) {
            // Not marked finished: the dialplan's fallback still greets and closes the call politely.
            events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), FlowOutcome.FAILED));
            throw failure;
        }
        events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), outcome));
        return outcome;
    }

    /**
     * Waits in the queue with music until an agent is free, rings them for at most the ring
     * limit, and on no answer keeps the caller's place for the next agent. Returns once the
     * caller has talked to an agent, or has waited the maximum.
     */
    private FlowOutcome waitForAgent(InboundCall call, CallChannel line, Skill skill) {
        Instant enqueued = clock.instant();
        AgentQueue.Ticket ticket = agents.join(WaitingCall.ordinary(call.id(), skill, enqueued));
        events.publish(call.id(), new CallEvent.Queued(enqueued, skill.name()));
        Instant giveUp = enqueued.plus(maxWait);
        // Waiting for a person is counted from asking for one: the menu was the caller's own doing.
        Instant apologyDue = enqueued.plus(rings.ringLength().multipliedBy(rings.apologyAfterRings()));
        boolean apologised = false;
        Duration ringFor = rings.ringLength().multipliedBy(rings.maxRings());
        try {
            line.holdMusic(true);
            while (true) {
                Instant now = clock.instant();
                Duration left = Duration.between(now, giveUp);
                if (left.isNegative() || left.isZero()) {
                    ticket.leave();
                    events.publish(call.id(), new CallEvent.LeftQueue(clock.instant()));
                    line.holdMusic(false);
                    return FlowOutcome.NO_AGENT;
                }
                if (!apologised && !now.isBefore(apologyDue)) {
                    line.holdMusic(false);
                    Instant apologyAt = clock.instant();
                    line.play(Prompt.APOLOGY);
                    events.publish(call.id(), new CallEvent.ApologyPlayed(apologyAt));
                    line.holdMusic(true);
                    apologised = true;
                    continue;
                }
                Duration slice = shortest(left, LOOK_EVERY, apologised ? left : Duration.between(now, apologyDue));
                // Short waits: Asterisk keeps a hung-up channel until the script returns, so look.
                Optional<AgentId> agent = ticket.awaitAgent(slice);
                if (agent.isEmpty()) {
                    if (!line.isConnected()) {
                        throw new CallerHungUp(null);
                    }
                    continue;
                }
                line.holdMusic(false);
                Instant ringStart = clock.instant();
                events.publish(call.id(), new CallEvent.Offered(ringStart, agent.get().value()));
                AgentLeg leg = line.connect(agent.get(), ringFor);
                events.publish(call.id(), new CallEvent.OfferEnded(clock.instant(), agent.get().value(), ringStart,
                        leg.outcome()));
                if (leg.outcome() == AgentLeg.Outcome.ANSWERED) {
                    events.publish(call.id(), new CallEvent.AgentAnswered(ringStart.plus(leg.untilAnswer()), agent.get().value()));
                    ticket.finished();
                    return FlowOutcome.CONNECTED;
                }
                ticket.notAnswered();
                line.holdMusic(true);
            }
        } catch (CallerHungUp gone) {
            ticket.leave();
            if (ticket.positionWhenLeft() > 0) {
                events.publish(call.id(), new CallEvent.Abandoned(clock.instant(), ticket.positionWhenLeft()));
            }
            throw gone;
        }
    }

    private static Duration shortest(Duration a, Duration b, Duration c) {
        Duration shortest = a.compareTo(b) < 0 ? a : b;
        shortest = shortest.compareTo(c) < 0 ? shortest : c;
        return shortest.isNegative() ? Duration.ZERO : shortest;
    }

    private Optional<String> askMenu(InboundCall call, CallChannel line) {
        for (int attempt = 1; attempt <= menu.attempts(); attempt++) {
            Optional<Character> key = line.ask(Prompt.MENU, menu.interruptKeys(), menu.timeout());
            if (key.isEmpty()) {
                events.publish(call.id(), new CallEvent.NoInput(clock.instant(), attempt));
                line.play(Prompt.NO_INPUT);
                continue;
            }
            Optional<String> choice = menu.choiceFor(key.get());
            if (choice.isPresent()) {
                events.publish(call.id(), new CallEvent.ChoiceMade(clock.instant(), key.get(), choice.get()));
                return choice;
            }
            events.publish(call.id(), new CallEvent.InvalidKey(clock.instant(), key.get()));
            line.play(Prompt.INVALID);
        }
        return Optional.empty();
    }
}
