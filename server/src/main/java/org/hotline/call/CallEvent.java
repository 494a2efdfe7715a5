package org.hotline.call;

import java.time.Instant;

/**
 * Something that happened to a call, with the time it happened. Times come from Asterisk's own
 * event timestamps where Asterisk reports the fact (arrival, answer, greeting, keys, hang-up), and
 * from the server's clock for decisions the server makes (IVR choice, flow outcome).
 */
public sealed interface CallEvent {

    Instant at();

    /** The caller's channel appeared in the hotline context. */
    record Arrived(Instant at, String channel, String linkedId, CallerId caller, String dialled) implements CallEvent {
    }

    /** Who is calling became known or changed (e.g. set after the channel appeared, as with Local channels). */
    record CallerIdentified(Instant at, CallerId caller) implements CallEvent {
    }

    /** The hotline answered: the caller's channel went up. */
    record Answered(Instant at) implements CallEvent {
    }

    /** Arrival and answer are both known: the ring rule's verdict. Derived, never sent by a source. */
    record AnswerMeasured(Instant at, AnswerMeasure measure) implements CallEvent {
    }

    /** The server's inbound flow took the call. */
    record FlowStarted(Instant at, Language language) implements CallEvent {
    }

    /** The apology was played, starting at {@code at}. */
    record ApologyPlayed(Instant at) implements CallEvent {
    }

    record GreetingStarted(Instant at) implements CallEvent {
    }

    record GreetingEnded(Instant at) implements CallEvent {
    }

    /** A keypad key as Asterisk received it. */
    record KeyPressed(Instant at, char key) implements CallEvent {
    }

    record ChoiceMade(Instant at, char key, String choice) implements CallEvent {
    }

    record InvalidKey(Instant at, char key) implements CallEvent {
    }

    record NoInput(Instant at, int attempt) implements CallEvent {
    }

    /** The call came outside service hours. */
    record AfterHours(Instant at) implements CallEvent {
    }

    /** The call joined the queue of its menu choice. */
    record Queued(Instant at, String queue, boolean vip, boolean longDistance) implements CallEvent {
        public Queued(Instant at, String queue) {
            this(at, queue, false, false);
        }
    }

    /** The distributor chose an agent; their phone starts ringing. */
    record Offered(Instant at, String agent) implements CallEvent {
    }

    /** How an offer ended: answered, or rang out / busy / unavailable (the call keeps its place). */
    record OfferEnded(Instant at, String agent, Instant ringStartedAt, AgentLeg.Outcome outcome) implements CallEvent {
    }

    /** The agent answered; {@code at} is when. */
    record AgentAnswered(Instant at, String agent) implements CallEvent {
    }

    /** The caller hung up while waiting for an agent, at this position in the queue. */
    record Abandoned(Instant at, int position) implements CallEvent {
    }

    /** The caller left the queue without an agent (waited past the maximum). */
    record LeftQueue(Instant at) implements CallEvent {
    }

    /** The agent passed the caller on with a blind transfer from their phone, to {@code target}. */
    record Transferred(Instant at, String fromAgent, String target) implements CallEvent {
    }

    /** The caller was told their place in line and expected wait. */
    record PositionAnnounced(Instant at, int position, java.time.Duration expectedWait) implements CallEvent {
    }

    /** The caller asked to be called back (keeping their place, or outside hours); due by {@code deadline}. */
    record CallbackRequested(Instant at, String number, String queue, Instant deadline) implements CallEvent {
    }

    /**
     * One try at a callback: the agent reserved and rung first ({@code agentRangAt}); if they took it,
     * the customer was dialled. {@code at} is when the try ended.
     */
    record CallbackAttempted(Instant at, String agent, Instant agentRangAt, CallbackOutcome outcome,
                             Instant customerAnsweredAt) implements CallEvent {
    }

    /** The callback request is closed: the customer was reached, or every try is used up. */
    record CallbackClosed(Instant at, boolean reached) implements CallEvent {
    }

    /** After the conversation the caller rated the service 1–5 on the keypad. */
    record SurveyAnswered(Instant at, int score) implements CallEvent {
    }

    /** The agent has talked for the warning time (3 minutes); {@code breach}: past the limit (5 minutes). */
    record TalkTimeReached(Instant at, String agent, java.time.Duration talked, boolean breach) implements CallEvent {
    }

    /** The agent's wrap-up after this call is over: they are ready for the next (or paused). */
    record WrapUpEnded(Instant at, String agent) implements CallEvent {
    }

    /** The server is about to hang up: whatever ends the call next was the hotline's doing. */
    record HangupRequested(Instant at) implements CallEvent {
    }

    record FlowEnded(Instant at, FlowOutcome outcome) implements CallEvent {
    }

    /** The caller's channel is gone. Sources leave {@code side} null; the tracker decides it. */
    record Ended(Instant at, int cause, String causeText, HangupSide side) implements CallEvent {
        public Ended withSide(HangupSide newSide) {
            return new Ended(at, cause, causeText, newSide);
        }
    }
}
