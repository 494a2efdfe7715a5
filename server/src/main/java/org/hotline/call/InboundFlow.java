package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;

/**
 * What the hotline does with every inbound call: answer by the planned ring, apologise if the
 * caller already waited too long, greet naming the company, ask the menu until a valid choice or
 * the attempts run out, let the caller wait for a person (see {@link QueueWait}), ask for a rating
 * after the conversation, close politely and hang up. Never a bare hang-up.
 */
public final class InboundFlow {

    private static final String SURVEY_KEYS = "12345";

    private final RingPolicy rings;
    private final IvrMenu menu;
    private final AgentQueue agents;
    private final WaitRules waiting;
    private final QueueWait queueWait;
    private final OpeningHours hours;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CallEventSink events;
    private final MessageTaking messages;

    public InboundFlow(RingPolicy rings, IvrMenu menu, AgentQueue agents, WaitRules waiting, OpeningHours hours, Clock clock,
                       Sleeper sleeper, CallEventSink events) {
        this(rings, menu, agents, waiting, Reception.none(), hours, clock, sleeper, events);
    }

    public InboundFlow(RingPolicy rings, IvrMenu menu, AgentQueue agents, WaitRules waiting, Reception reception,
                       OpeningHours hours, Clock clock, Sleeper sleeper, CallEventSink events) {
        this(rings, menu, agents, waiting, reception, hours, clock, sleeper, events, Messages.none());
    }

    /** @param messages how a caller nobody can take leaves a message (after hours, nobody at work, the maximum wait) */
    public InboundFlow(RingPolicy rings, IvrMenu menu, AgentQueue agents, WaitRules waiting, Reception reception,
                       OpeningHours hours, Clock clock, Sleeper sleeper, CallEventSink events, Messages messages) {
        this.messages = new MessageTaking(messages, agents, clock, events);
        this.rings = rings;
        this.menu = menu;
        this.agents = agents;
        this.waiting = waiting;
        this.queueWait = new QueueWait(rings, waiting, agents, reception, clock, events);
        this.hours = hours;
        this.clock = clock;
        this.sleeper = sleeper;
        this.events = events;
    }

    public FlowOutcome handle(InboundCall call, CallChannel line) {
        return run(call, line, false, () -> {
            sleeper.sleepUntil(rings.plannedAnswer(call.arrival()));
            line.answer();
            line.claim();
            if (rings.measure(call.arrival(), clock.instant()).apologyDue()) {
                apologise(call, line);
            }
            line.play(Prompt.GREETING);
        });
    }

    /**
     * A caller Asterisk's fallback answered, greeted and kept on hold while the server did not
     * answer (stopped, paused, unreachable, or gone while they waited): the server takes them back
     * without a second answer or greeting, and the call goes on as any other. The call keeps its
     * arrival, so its ring verdict is that of the caller's first ring. A caller who was waiting in
     * a queue goes straight back to their place in it (see {@link #placeKept}); anyone else, to
     * the menu.
     */
    public FlowOutcome takeBack(InboundCall call, CallChannel line) {
        return run(call, line, true, () -> {
            line.claim();
            line.holdMusic(false);
            events.publish(call.id(), new CallEvent.TakenBack(clock.instant()));
        });
    }

    /**
     * A caller whose conversation with an agent went on while no server followed the call (the
     * dial outlives the server) and who is still there when it ends: the agent hung up first. They
     * are taken back where any call goes after its conversation — the rating if the centre asks
     * for one, then the polite close — never to the menu as a new caller.
     */
    public FlowOutcome takeBackAfterConversation(InboundCall call, CallChannel line) {
        events.publish(call.id(), new CallEvent.FlowStarted(clock.instant(), call.language()));
        FlowOutcome outcome = FlowOutcome.CONNECTED;
        try {
            line.claim();
            line.holdMusic(false);
            events.publish(call.id(), new CallEvent.TakenBack(clock.instant()));
            afterConversation(call, line);
            closeQuietly(call, line);
        } catch (CallerHungUp gone) {
            // gone before the rating: the conversation stands
        } catch (RuntimeException failure) {
            events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), FlowOutcome.FAILED));
            throw failure;
        }
        events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), outcome));
        return outcome;
    }

    /**
     * The call from the moment the caller has been answered and greeted ({@code opening}) to its
     * polite end; {@code takenBack}: a caller the server takes back, who may have a place in line.
     */
    private FlowOutcome run(InboundCall call, CallChannel line, boolean takenBack, Runnable opening) {
        events.publish(call.id(), new CallEvent.FlowStarted(clock.instant(), call.language()));
        FlowOutcome outcome;
        try {
            opening.run();
            if (!hours.isOpen(clock.instant())) {
                outcome = afterHours(call, line);
            } else {
                Optional<KeptPlace> place = takenBack ? placeKept(call, line) : Optional.empty();
                outcome = place.isPresent() ? afterWait(call, line, queueWait.rejoin(call, line, place.get(), menu.timeout()))
                        : serve(call, line);
            }
            if (outcome != FlowOutcome.TRANSFERRED) {
                closeQuietly(call, line);
            }
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
     * A caller an agent passed on with a blind transfer from their phone: they wait for the
     * transfer's target first (for the owner window), then anyone in the queue they came from, and
     * the call goes on as any other (survey, polite close).
     *
     * @param fromAgent the agent who transferred, as far as known (may be null)
     */
    public FlowOutcome transferred(InboundCall call, CallChannel line, AgentId target, String fromAgent) {
        events.publish(call.id(), new CallEvent.Transferred(clock.instant(), fromAgent, target.value()));
        return afterTransfer(call, line, () -> {
            Skill queue = agents.lastQueueOf(call.id()).orElse(waiting.afterHoursQueue());
            return queueWait.run(call, line, queue, menu.timeout(), target);
        });
    }

    /**
     * A caller an agent passed blind to a queue: they join it as a caller who asked for it now (a
     * new place, the queue's full wait and announcements), and the call goes on as any other.
     *
     * @param fromAgent the agent who transferred, as far as known (may be null)
     */
    public FlowOutcome transferredToQueue(InboundCall call, CallChannel line, Skill queue, String fromAgent) {
        events.publish(call.id(), new CallEvent.Transferred(clock.instant(), fromAgent, queue.name()));
        return afterTransfer(call, line, () -> queueWait.run(call, line, queue, menu.timeout()));
    }

    /**
     * A transferred caller whose server went away while they waited for the transfer's target or
     * the queue: the dialplan held them (music) and asked the servers again; the one that takes
     * them back puts them in line at the place the transfer gave them (kept on the channel), waiting
     * for the target first as before, with no second transfer on the record. Without a place, the
     * queue the transfer falls back to.
     *
     * @param target the agent the transfer named, or null (a transfer to a queue)
     */
    public FlowOutcome transferTakenBack(InboundCall call, CallChannel line, AgentId target) {
        return afterTransfer(call, line, () -> {
            line.claim();
            line.holdMusic(false);
            events.publish(call.id(), new CallEvent.TakenBack(clock.instant()));
            Optional<KeptPlace> place = line.keptPlace().filter(kept -> agents.staffed(kept.queue()));
            return place.isPresent() ? queueWait.rejoin(call, line, place.get(), menu.timeout(), target)
                    : queueWait.run(call, line, agents.lastQueueOf(call.id()).orElse(waiting.afterHoursQueue()), menu.timeout(), target);
        });
    }

    private FlowOutcome afterTransfer(InboundCall call, CallChannel line, java.util.function.Supplier<FlowOutcome> wait) {
        FlowOutcome outcome;
        try {
            outcome = afterWait(call, line, wait.get());
            if (outcome != FlowOutcome.TRANSFERRED) {
                closeQuietly(call, line);
            }
        } catch (CallerHungUp gone) {
            outcome = FlowOutcome.CALLER_HUNG_UP;
        }
        events.publish(call.id(), new CallEvent.FlowEnded(clock.instant(), outcome));
        return outcome;
    }

    private void closeQuietly(InboundCall call, CallChannel line) {
        try {
            close(call, line);
        } catch (CallerHungUp gone) {
            // gone during the goodbye: what happened to the call stands
        }
    }

    private FlowOutcome afterHours(InboundCall call, CallChannel line) {
        events.publish(call.id(), new CallEvent.AfterHours(clock.instant()));
        line.play(Prompt.AFTER_HOURS);
        if (queueWait.offerCallbackAfterHours(call, line, menu.timeout())) {
            return FlowOutcome.CALLBACK_REQUESTED;
        }
        return leftMessage(call, line, waiting.afterHoursQueue()) ? FlowOutcome.CALLBACK_REQUESTED : FlowOutcome.AFTER_HOURS;
    }

    private FlowOutcome serve(InboundCall call, CallChannel line) {
        Optional<String> choice = askMenu(call, line);
        if (choice.isEmpty()) {
            return FlowOutcome.NO_CHOICE;
        }
        Skill queue = new Skill(choice.get());
        FlowOutcome outcome = agents.staffed(queue) ? queueWait.run(call, line, queue, menu.timeout()) : FlowOutcome.COMPLETED;
        // Nobody at work for the queue, or nobody came in the longest wait: the caller may leave a message.
        if ((outcome == FlowOutcome.COMPLETED || outcome == FlowOutcome.NO_AGENT) && leftMessage(call, line, queue)) {
            outcome = FlowOutcome.CALLBACK_REQUESTED;
        }
        return afterWait(call, line, outcome);
    }

    /** Whether the caller left a message (a callback task now); one who hung up after it has no goodbye to hear. */
    private boolean leftMessage(InboundCall call, CallChannel line, Skill queue) {
        return messages.offer(call, line, queue, clock.instant());
    }

    /** After the queue (or a choice no one takes now): the rating after a conversation, else the choice is noted. */
    private FlowOutcome afterWait(InboundCall call, CallChannel line, FlowOutcome outcome) {
        if (outcome == FlowOutcome.CONNECTED) {
            afterConversation(call, line);
        } else if (outcome != FlowOutcome.CALLBACK_REQUESTED && outcome != FlowOutcome.TRANSFERRED) {
            line.play(Prompt.CHOICE_RECORDED);
        }
        return outcome;
    }

    /**
     * The place in line a caller taken back held, if they can have it back: the channel names a
     * queue of the menu that someone is at work for, joined during this call. Anything else — no
     * place, a foreign queue, a time that is not this call's, nobody at work — and the caller
     * chooses at the menu as a new one would.
     */
    private Optional<KeptPlace> placeKept(InboundCall call, CallChannel line) {
        Instant now = clock.instant();
        return line.keptPlace()
                .filter(place -> menu.offers(place.queue().name()))
                .filter(place -> place.takenDuring(call, now))
                .filter(place -> agents.staffed(place.queue()));
    }

    /** The agent hung up first: the caller is still here and is asked for a rating. */
    private void afterConversation(InboundCall call, CallChannel line) {
        try {
            if (waiting.survey()) {
                line.listen("", Duration.ofMillis(1)); // a caller who hung up first is not asked
                events.publish(call.id(), new CallEvent.SurveyOffered(clock.instant()));
                Optional<Character> score = line.ask(Prompt.SURVEY, SURVEY_KEYS, menu.timeout());
                if (score.isPresent()) {
                    events.publish(call.id(), new CallEvent.SurveyAnswered(clock.instant(), score.get() - '0'));
                    line.play(Prompt.SURVEY_THANKS);
                }
            }
        } catch (CallerHungUp gone) {
            // the caller hung up first, after talking: nothing more to ask
        }
    }

    private void apologise(InboundCall call, CallChannel line) {
        Instant apologyAt = clock.instant();
        line.play(Prompt.APOLOGY);
        events.publish(call.id(), new CallEvent.ApologyPlayed(apologyAt));
    }

    private void close(InboundCall call, CallChannel line) {
        line.play(Prompt.CLOSING);
        line.markFinished();
        events.publish(call.id(), new CallEvent.HangupRequested(clock.instant()));
        line.hangUp();
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
