package org.hotline.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.audit.CelCall;
import org.hotline.call.CallEvent;
import org.hotline.call.CallerId;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.call.RingPolicy;
import org.hotline.call.Settlement;

/**
 * The whole record of a call Asterisk handled without the server, from its CEL: arrival,
 * Asterisk's answer and the ring rule's verdict on it, the greeting its dialplan played, the
 * conversation if an agent took it, the hang-up with its side and cause, and how it ended.
 */
final class CelImport {

    private CelImport() {
    }

    /** Whether the call is one to import: Asterisk has closed it (every channel of it is gone). */
    static boolean finished(CelCall call) {
        return call.over() && call.endedAt().isPresent();
    }

    /** @param now when the import is done (the server's clock: it is the server's act, not a fact of the call) */
    static List<CallEvent> events(CelCall call, RingPolicy rings, Instant now) {
        Instant arrival = call.call().arrivalAt();
        Instant answer = call.call().answeredAt();
        Instant end = call.endedAt().orElseThrow();
        List<CallEvent> events = new ArrayList<>();
        events.add(new CallEvent.Arrived(arrival, call.channel(), call.linkedId(),
                CallerId.presented(call.callerNumber().isEmpty() ? null : call.callerNumber(), null), dialled(call)));
        if (answer != null) {
            events.add(new CallEvent.Answered(answer));
            events.add(new CallEvent.AnswerMeasured(answer, rings.measure(arrival, answer)));
        }
        if (call.greetingStartedAt() != null) {
            events.add(new CallEvent.GreetingStarted(call.greetingStartedAt()));
        }
        if (call.greetingEndedAt() != null) {
            events.add(new CallEvent.GreetingEnded(call.greetingEndedAt()));
        }
        if (call.agent() != null) {
            events.add(new CallEvent.AgentAnswered(call.call().agentAnsweredAt(), call.agent()));
            if (call.call().talkStartedAt() != null) {
                events.add(new CallEvent.ConversationStarted(call.call().talkStartedAt(), call.agent()));
                Instant talkEnd = call.call().talkEndedAt() != null ? call.call().talkEndedAt() : end;
                events.add(new CallEvent.ConversationEnded(talkEnd, call.agent(),
                        call.talkEndedBy() == null ? HangupSide.UNKNOWN : call.talkEndedBy()));
            }
        }
        if (call.callerLeftAt() != null) {
            events.add(new CallEvent.CallerLeft(call.callerLeftAt()));
        }
        events.add(new CallEvent.FlowEnded(end, outcome(call)));
        events.add(new CallEvent.Settled(now, Settlement.IMPORTED_FROM_CEL));
        events.add(new CallEvent.Ended(end, Math.max(call.cause(), 0), null, call.side()));
        return events;
    }

    private static FlowOutcome outcome(CelCall call) {
        if (call.agent() != null) {
            return FlowOutcome.CONNECTED;
        }
        if (call.call().answeredAt() == null && call.side() == HangupSide.CALLER) {
            return FlowOutcome.CALLER_HUNG_UP; // hung up while it rang
        }
        return FlowOutcome.FALLBACK_ANSWERED;
    }

    private static String dialled(CelCall call) {
        String exten = call.dialled();
        return exten == null || exten.isEmpty() || exten.equals("s") || !exten.matches("[0-9A-Za-z+*#_.-]{1,40}") ? null : exten;
    }
}
