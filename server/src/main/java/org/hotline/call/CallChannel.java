package org.hotline.call;

import java.time.Duration;
import java.util.Optional;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;

/**
 * The caller's line as the inbound flow sees it. Implemented by the telephony adapter; every
 * method blocks until Asterisk has done it, and throws {@link CallerHungUp} once the caller is gone.
 */
public interface CallChannel {

    void answer();

    /**
     * The hotline has the call: lifts the deadline by which Asterisk gives the call to its own
     * fallback (see {@link AnswerDeadline}). Right after answering, and when taking a caller back.
     */
    void claim();

    void play(Speech speech);

    /** Plays {@code speech}, stopping early if the caller presses one of {@code keys}; returns that key. */
    Optional<Character> say(Speech speech, String keys);

    /**
     * Plays the prompt, interruptible by a key, then waits up to {@code timeout} for one.
     * Returns the key pressed, or empty when none came.
     */
    Optional<Character> ask(Prompt prompt, String keys, Duration timeout);

    /**
     * Waits up to {@code max} for one of {@code keys} while whatever plays goes on (hold music).
     * This is also how a caller who hung up while waiting is noticed.
     */
    Optional<Character> listen(String keys, Duration max);

    /**
     * Keeps the caller on hold (whatever plays goes on: hold music) until one of {@code keys} is
     * pressed, the hold is cut short ({@link #cutShort()}: an agent was found), or {@code max} has
     * passed; returns the key, empty otherwise. The line may end a hold sooner than {@code max}:
     * the caller is then held again for what is left. A caller who hangs up is noticed at once.
     */
    Optional<Character> hold(Duration max, String keys);

    /**
     * Cuts short what the caller hears now — a prompt, or a {@link #hold} — if anything. Any thread
     * may call it, and it returns at once: an agent who frees up need not wait for the end of the
     * sentence or of the hold.
     */
    void cutShort();

    /** Music on hold on or off; it plays while the flow waits. */
    void holdMusic(boolean on);

    /**
     * Rings the agent's phone for at most {@code ringFor}; if they answer, the two talk and this
     * returns when that conversation is over. A ring stopped because the caller hung up comes back
     * as {@link AgentLeg.Outcome#CALLER_ABANDONED}.
     */
    AgentLeg connect(AgentId agent, Duration ringFor);

    /**
     * From now on each conversation with an agent on this line is recorded into the file named by
     * {@code call} (from the agent's answer to the end of their leg; a next agent adds to it).
     */
    void recordConversations(CallId call);

    /**
     * Leaves a mark in Asterisk's own logs that the caller joined {@code place}'s queue now, and
     * keeps the place on the channel, where it outlives this server (see {@link #keptPlace()}).
     */
    void markQueued(KeptPlace place);

    /** The place the channel keeps has changed (its caller heard the apology): kept as it is now, no new mark. */
    void renewPlace(KeptPlace place);

    /** The caller no longer waits in a queue: the channel stops naming a place. */
    void forgetPlace();

    /**
     * The place in line the channel names, as far as it can be read: empty when it names none or
     * holds something that is not a place. The channel is outside input: the flow checks the place
     * before trusting it.
     */
    Optional<KeptPlace> keptPlace();

    /**
     * Plays the tone and records the caller's message into the file named by {@code call} until
     * they press #, stay silent or reach the longest message ({@code rules}); throws
     * {@link CallerHungUp} when they hang up, which is how most messages end (the recording is kept).
     */
    void recordMessage(CallId call, MessageRules rules);

    /** Tells the dialplan the server finished this call, so it does not run its fallback. */
    void markFinished();

    void hangUp();
}
