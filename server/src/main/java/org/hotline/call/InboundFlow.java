package org.hotline.call;

import java.time.Clock;
import java.util.Optional;

/**
 * What the hotline does with every inbound call: answer by the planned ring, apologise if the
 * caller already waited too long, greet naming the company, ask the menu until a valid choice or
 * the attempts run out, close politely and hang up. Never a bare hang-up.
 */
public final class InboundFlow {

    private final RingPolicy rings;
    private final IvrMenu menu;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CallEventSink events;

    public InboundFlow(RingPolicy rings, IvrMenu menu, Clock clock, Sleeper sleeper, CallEventSink events) {
        this.rings = rings;
        this.menu = menu;
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
                line.play(Prompt.APOLOGY);
                events.publish(call.id(), new CallEvent.ApologyPlayed(clock.instant()));
            }
            line.play(Prompt.GREETING);
            Optional<String> choice = askMenu(call, line);
            outcome = choice.isPresent() ? FlowOutcome.COMPLETED : FlowOutcome.NO_CHOICE;
            if (choice.isPresent()) {
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
