package org.hotline.call;

import org.hotline.shared.Language;
import java.time.Instant;

/**
 * Something that happened to a call, with the time it happened. Times come from Asterisk's own
 * event timestamps where Asterisk reports the fact (arrival, answer, greeting, keys, hang-up), and
 * from the server's clock for decisions the server makes (IVR choice, flow outcome).
 */
public sealed interface CallEvent {

    Instant at();

    /**
     * The caller's channel appeared in the hotline context.
     *
     * @param node the telephony node the channel is on (null where the source cannot tell)
     */
    record Arrived(Instant at, String channel, String linkedId, CallerId caller, String dialled, String node) implements CallEvent {
        public Arrived(Instant at, String channel, String linkedId, CallerId caller, String dialled) {
            this(at, channel, linkedId, caller, dialled, null);
        }
    }

    /**
     * The front door (Kamailio) stamped the call's INVITE as it came in, at {@code at}, before
     * Asterisk created the channel; Asterisk reported the stamp at {@code reportedAt}.
     */
    record ArrivalStamped(Instant at, Instant reportedAt) implements CallEvent {
    }

    /** The front door's stamp {@code stamp} was not taken as the arrival, for the reason {@code why}. Derived by the tracker. */
    record ArrivalStampRefused(Instant at, Instant stamp, String why) implements CallEvent {
    }

    /** Who is calling became known or changed (e.g. set after the channel appeared, as with Local channels). */
    record CallerIdentified(Instant at, CallerId caller) implements CallEvent {
    }

    /** The hotline answered: the caller's channel went up. */
    record Answered(Instant at) implements CallEvent {
    }

    /**
     * Asterisk's own fallback is about to answer the call (the server did not answer by Asterisk's
     * deadline, or was unreachable). Asterisk's time; the answer itself follows as {@link Answered}.
     */
    record FallbackAnswering(Instant at) implements CallEvent {
    }

    /** Asterisk's fallback answered the call, at Asterisk's answer time. Derived by the tracker. */
    record AnsweredByFallback(Instant at) implements CallEvent {
    }

    /** The server took back a caller that Asterisk's fallback had answered, greeted and kept on hold. */
    record TakenBack(Instant at) implements CallEvent {
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

    /**
     * A caller taken back from Asterisk's fallback went straight back into the queue they waited
     * in, at the place they had joined it {@code since}.
     */
    record BackInQueue(Instant at, String queue, Instant since) implements CallEvent {
    }

    /** The agent's phone started ringing for this call (Asterisk's DialBegin of the agent's leg). */
    record Offered(Instant at, String agent) implements CallEvent {
    }

    /**
     * How an offer's ring ended, at {@code at} (Asterisk's DialEnd of the agent's leg): answered, or
     * rang out / busy / unavailable (the call keeps its place), or stopped because the caller hung up
     * or the hotline withdrew it (no fault of the agent's).
     *
     * @param leg        the agent leg's channel id in Asterisk, or null
     * @param dialStatus Asterisk's DIALSTATUS as reported, or null
     */
    record OfferEnded(Instant at, String agent, Instant ringStartedAt, AgentLeg.Outcome outcome, String leg,
                      String dialStatus) implements CallEvent {
        public OfferEnded(Instant at, String agent, Instant ringStartedAt, AgentLeg.Outcome outcome) {
            this(at, agent, ringStartedAt, outcome, null, null);
        }
    }

    /** The agent answered; {@code at} is when (the answered offer's ring end). */
    record AgentAnswered(Instant at, String agent) implements CallEvent {
    }

    /** Caller and agent are connected and hear each other (Asterisk: the caller's channel entered the bridge). */
    record ConversationStarted(Instant at, String agent) implements CallEvent {
    }

    /** Their conversation is over (the caller's channel left the bridge); who ended it, as far as Asterisk said. */
    record ConversationEnded(Instant at, String agent, HangupSide endedBy) implements CallEvent {
    }

    /**
     * The caller hung up while waiting for an agent, at this position in the queue.
     *
     * @param duringRing the caller hung up while an agent's phone rang for them
     */
    record Abandoned(Instant at, int position, boolean duringRing) implements CallEvent {
        public Abandoned(Instant at, int position) {
            this(at, position, false);
        }
    }

    /** The caller hung up: Asterisk's hang-up request on the caller's channel, the moment they did. */
    record CallerLeft(Instant at) implements CallEvent {
    }

    // ---- Asterisk's facts about an agent's leg, which the tracker turns into the offer and conversation above

    /** Asterisk began dialling {@code agent}'s phone for this call (DialBegin); {@code leg} is that channel's id. */
    record AgentRingStarted(Instant at, String agent, String leg) implements CallEvent {
    }

    /** Asterisk's dial of the leg ended with {@code dialStatus} (DialEnd: ANSWER, NOANSWER, BUSY, CANCEL…). */
    record AgentRingEnded(Instant at, String leg, String dialStatus) implements CallEvent {
    }

    /** A hang-up was asked on this channel from its far end (Asterisk's HangupRequest): that side hung up. */
    record HangupAsked(Instant at) implements CallEvent {
    }

    /** The caller's channel entered a bridge (with the agent who answered). */
    record BridgeEntered(Instant at) implements CallEvent {
    }

    /** The caller's channel left its bridge. */
    record BridgeLeft(Instant at) implements CallEvent {
    }

    /** The caller left the queue without an agent (waited past the maximum). */
    record LeftQueue(Instant at) implements CallEvent {
    }

    /** The agent passed the caller on with a blind transfer from their phone, to {@code target}. */
    record Transferred(Instant at, String fromAgent, String target) implements CallEvent {
    }

    /**
     * A step of a transfer by Asterisk's account and clock (its dial and transfer events): a
     * consultation's leg rung, answered or ended, the caller transferred, the three joined, a blind
     * transfer made.
     *
     * @param fromAgent the agent passing the caller on, where Asterisk's event names them, else null
     * @param target    the consulted colleague's ID or, for a blind transfer, the dialled target (an agent's ID or {@code q-<queue>})
     * @param detail    Asterisk's word on it: the dial status of an ended consultation, the result of a failed transfer; or null
     */
    record TransferStepped(Instant at, TransferStep step, String fromAgent, String target, String detail) implements CallEvent {
    }

    /** The caller was told their place in line and expected wait. */
    record PositionAnnounced(Instant at, int position, java.time.Duration expectedWait) implements CallEvent {
    }

    /** The caller asked to be called back (keeping their place, or outside hours); due by {@code deadline}. */
    /**
     * @param joined  the earlier call whose open request this one joined (the customer pressed 1 again), or null
     * @param refusal why the number is not called back by the centre's dial rule, or null
     */
    record CallbackRequested(Instant at, String number, String queue, Instant deadline, String joined, String refusal)
            implements CallEvent {

        public CallbackRequested(Instant at, String number, String queue, Instant deadline) {
            this(at, number, queue, deadline, null, null);
        }
    }

    /** Nobody could take the call: the caller was asked to leave a message after the tone. */
    record MessageOffered(Instant at, String queue) implements CallEvent {
    }

    /**
     * The caller left a message, which became a callback task.
     *
     * @param file   the recording in the messages directory, or null: hung up at the tone, nothing to hear
     * @param length the recording's length (zero without audio)
     */
    record MessageLeft(Instant at, String file, java.time.Duration length) implements CallEvent {
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

    /** The agent hung up first and the caller, still on the line, was asked for a rating. */
    record SurveyOffered(Instant at) implements CallEvent {
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

    /**
     * The agent gave the call a wrap-up code of its queue's list, at {@code at} (the server's clock);
     * a later one replaces it on the record, every choice stays in the timeline.
     */
    record WrapUpCoded(Instant at, String agent, String queue, String code) implements CallEvent {
    }

    /**
     * Asterisk began recording the conversation into {@code file} (MixMonitor on the agent's leg, by
     * Asterisk's clock); a transferred call's next agent adds to the same file.
     */
    record RecordingStarted(Instant at, String file) implements CallEvent {
    }

    /** The agent paused the recording (a card number is read out): silence is recorded until resumed. */
    record RecordingPaused(Instant at) implements CallEvent {
    }

    record RecordingResumed(Instant at) implements CallEvent {
    }

    /** Asterisk closed the recording's file (the agent's leg ended). */
    record RecordingEnded(Instant at) implements CallEvent {
    }

    /** The recording's file was deleted at {@code at}; the record stays. {@code why}: e.g. "retention". */
    record RecordingDeleted(Instant at, String why) implements CallEvent {
    }

    /** The server is about to hang up: whatever ends the call next was the hotline's doing. */
    record HangupRequested(Instant at) implements CallEvent {
    }

    record FlowEnded(Instant at, FlowOutcome outcome) implements CallEvent {
    }

    /**
     * The record was settled after the fact from Asterisk's own facts (a call the server lost
     * track of, or one Asterisk handled alone); {@code at} is when that was done.
     */
    record Settled(Instant at, Settlement how) implements CallEvent {
    }

    /** The caller's channel is gone. Sources leave {@code side} null; the tracker decides it. */
    record Ended(Instant at, int cause, String causeText, HangupSide side) implements CallEvent {
        public Ended withSide(HangupSide newSide) {
            return new Ended(at, cause, causeText, newSide);
        }
    }
}
