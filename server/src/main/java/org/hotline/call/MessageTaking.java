package org.hotline.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.CallerMessage;
import org.hotline.routing.WaitingCall;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller nobody can take now (after hours, nobody at work for their queue, the maximum wait)
 * is asked to leave a message after the tone, as any answering service does: never "nobody is
 * here" and a hang-up. The message becomes a callback task with its audio, due as any callback.
 * A caller who hangs up at the tone without a word is still called back, marked without audio;
 * one who stays silent on the line has left nothing, and the call goes on to its polite close.
 */
final class MessageTaking {

    private static final Logger LOG = LoggerFactory.getLogger(MessageTaking.class);

    private final Messages messages;
    private final AgentQueue agents;
    private final Clock clock;
    private final CallEventSink events;

    MessageTaking(Messages messages, AgentQueue agents, Clock clock, CallEventSink events) {
        this.messages = messages;
        this.agents = agents;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Offers the message and records it; the task goes to {@code queue} with the place {@code since}.
     * Returns whether a callback task was made: not when there is no number to call back, nor when
     * the caller said nothing and stayed on the line. A caller who hangs up before the tone is gone
     * as any caller ({@link CallerHungUp}); one who hung up after it hears nothing more.
     */
    boolean offer(InboundCall call, CallChannel line, Skill queue, Instant since) {
        Optional<String> number = Optional.ofNullable(call.caller().number()).filter(CallbackRequest::isDialable);
        MessageRules rules = messages.rules();
        if (!rules.enabled() || number.isEmpty()) {
            return false;
        }
        line.play(Prompt.MESSAGE_OFFER);
        events.publish(call.id(), new CallEvent.MessageOffered(clock.instant(), queue.name()));
        boolean gone = false;
        try {
            line.recordMessage(call.id(), rules);
        } catch (CallerHungUp hungUp) {
            gone = true;
        }
        boolean made = leave(call.id(), number.get(), call.language(), queue, since, gone);
        if (made && !gone) {
            line.play(Prompt.CALLBACK_BOOKED);
        }
        return made;
    }

    /**
     * Turns what was recorded for {@code id} into its callback task, once: whether a task is there
     * now. A recording with nothing to hear is a task without audio if the caller is {@code gone},
     * else nothing. The message ends when Asterisk last wrote its file (the server may be late).
     */
    boolean leave(CallId id, String number, Language language, Skill queue, Instant since, boolean gone) {
        MessageRules rules = messages.rules();
        Instant at = messages.box().endOf(id).orElseGet(clock::instant);
        Optional<Duration> length = messages.box().lengthOf(id);
        boolean audible = length.filter(recorded -> recorded.compareTo(rules.shortest()) >= 0
                && !recorded.isZero()).isPresent();
        if (!audible && !gone) {
            messages.box().discard(id);
            return false;
        }
        if (!claimed(id)) {
            return true; // made already, by a sweep or another server
        }
        if (!audible) {
            messages.box().discard(id);
        }
        CallerMessage message = audible ? new CallerMessage(messages.box().fileOf(id), length.get())
                : CallerMessage.withoutAudio();
        CallbackRequest request = agents.requestCallback(WaitingCall.ordinary(id, queue, since).asCallback(),
                number, language, message);
        events.publish(id, new CallEvent.MessageLeft(at, message.file(), message.length()));
        String joined = request.id().equals(id) ? null : request.id().value();
        // The request's own time: its deadline is counted from it.
        events.publish(id, new CallEvent.CallbackRequested(request.requestedAt(), request.number(), queue.name(),
                request.deadline(), joined, request.refusal()));
        return true;
    }

    /** The store's claim on the message's one task; a store that cannot be reached does not stop the caller's task. */
    private boolean claimed(CallId id) {
        try {
            return messages.tasks().claim(id);
        } catch (RuntimeException e) {
            LOG.warn("the task of message {} not claimed in the store ({}); made by this server", id, e.toString());
            return true;
        }
    }
}
