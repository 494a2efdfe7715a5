package org.hotline.telephony.agi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.hotline.call.AgentLeg;
import org.hotline.call.CallChannel;
import org.hotline.call.KeptPlace;
import org.hotline.call.MessageRules;
import org.hotline.shared.CallId;
import org.hotline.call.Prompt;
import org.hotline.call.Speech;
import org.hotline.shared.AgentId;

/**
 * Keeps a caller this server holds under a deadline Asterisk itself enforces
 * ({@code TIMEOUT(absolute)}), rolled forward before each command by what the command may take
 * plus a grace. A server that goes silent with callers in its greeting, menu or queue — frozen,
 * in a long pause, cut off — loses them to the dialplan's fallback once the grace has passed;
 * the fallback holds them and asks the other servers, and the one that takes them back finds
 * their place on the channel. A conversation is never cut: the deadline is lifted before the
 * agent is dialled (the dial outlives the server) and set again by the next command after it.
 */
final class DeadlineLine implements CallChannel {

    /** Sets the channel's {@code TIMEOUT(absolute)} to this many seconds from now; 0 lifts it. */
    interface Timeout {
        void set(long seconds);
    }

    /**
     * Puts each line of an inbound caller under the rolling deadline.
     *
     * @param grace         the answer deadline ({@code answer.serverDeadlineSeconds})
     * @param longestPrompt the longest recorded prompt
     */
    static Function<AgiLine, CallChannel> rolling(Duration grace, Duration longestPrompt) {
        return line -> new DeadlineLine(line, line::deadlineIn, grace, longestPrompt, System::nanoTime);
    }

    /** WAIT FOR DIGIT waits at most this long per command. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final CallChannel line;
    private final Timeout timeout;
    private final Duration grace;
    private final Duration longestPrompt;
    private final LongSupplier nanoTime;
    private boolean set;
    private long until;

    /**
     * @param grace         how long the server may be silent beyond a command's own length (the
     *                      answer deadline: a server that says nothing that long is not coming back soon)
     * @param longestPrompt the longest recorded prompt: a prompt under way is never cut
     */
    DeadlineLine(CallChannel line, Timeout timeout, Duration grace, Duration longestPrompt, LongSupplier nanoTime) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("grace " + grace);
        }
        this.line = line;
        this.timeout = timeout;
        this.grace = grace;
        this.longestPrompt = longestPrompt;
        this.nanoTime = nanoTime;
    }

    @Override
    public void answer() {
        line.answer();
    }

    @Override
    public void claim() {
        line.claim();
        set = false;
    }

    @Override
    public void play(Speech speech) {
        roll(longestPrompt);
        line.play(speech);
    }

    @Override
    public Optional<Character> say(Speech speech, String keys) {
        roll(longestPrompt);
        return line.say(speech, keys);
    }

    @Override
    public Optional<Character> ask(Prompt prompt, String keys, Duration wait) {
        roll(longestPrompt.plus(min(wait, LONGEST_WAIT)));
        return line.ask(prompt, keys, wait);
    }

    @Override
    public Optional<Character> listen(String keys, Duration max) {
        roll(min(max, LONGEST_WAIT));
        return line.listen(keys, max);
    }

    /**
     * A hold is cut into pieces no longer than the grace, each under a deadline of the piece plus
     * the grace: a server that goes silent loses a caller on hold as soon as one it has just
     * spoken to, and a caller on hold costs two commands per grace, not one per look for a key.
     */
    @Override
    public Optional<Character> hold(Duration max, String keys) {
        Duration piece = min(max, grace);
        long now = nanoTime.getAsLong();
        if (!set || until - (now + piece.toNanos() + grace.toNanos()) < 0) {
            long seconds = (piece.plus(grace).toMillis() + 999) / 1000;
            timeout.set(seconds);
            set = true;
            until = now + Duration.ofSeconds(seconds).toNanos();
        }
        return line.hold(piece, keys);
    }

    @Override
    public void cutShort() {
        line.cutShort(); // any thread, over AMI: not a command on this line
    }

    @Override
    public void holdMusic(boolean on) {
        roll(Duration.ZERO);
        line.holdMusic(on);
    }

    /** A message is under the deadline for its longest length: a server gone meanwhile loses no word of it. */
    @Override
    public void recordMessage(CallId call, MessageRules rules) {
        roll(rules.longest().plus(longestPrompt));
        line.recordMessage(call, rules);
    }

    @Override
    public void recordConversations(CallId call) {
        line.recordConversations(call);
    }

    @Override
    public AgentLeg connect(AgentId agent, Duration ringFor) {
        if (set) {
            timeout.set(0);
            set = false;
        }
        return line.connect(agent, ringFor);
    }

    @Override
    public void markQueued(KeptPlace place) {
        roll(Duration.ZERO);
        line.markQueued(place);
    }

    @Override
    public void renewPlace(KeptPlace place) {
        roll(Duration.ZERO);
        line.renewPlace(place);
    }

    @Override
    public void forgetPlace() {
        roll(Duration.ZERO);
        line.forgetPlace();
    }

    @Override
    public Optional<KeptPlace> keptPlace() {
        roll(Duration.ZERO);
        return line.keptPlace();
    }

    @Override
    public void markFinished() {
        roll(Duration.ZERO);
        line.markFinished();
    }

    @Override
    public void hangUp() {
        line.hangUp();
    }

    /**
     * Makes sure the deadline leaves room for {@code work} plus the grace; when it does not, sets
     * it to {@code work} plus twice the grace, so that a caller waiting in a queue (commands of a
     * fraction of a second) costs one more command per grace period, not one per command.
     */
    private void roll(Duration work) {
        long now = nanoTime.getAsLong();
        if (set && until - (now + work.toNanos() + grace.toNanos()) >= 0) {
            return;
        }
        long seconds = (work.plus(grace).plus(grace).toMillis() + 999) / 1000;
        timeout.set(seconds);
        set = true;
        until = now + Duration.ofSeconds(seconds).toNanos();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
