package org.hotline.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.hotline.routing.TestClock;

/** A caller's line for flow tests: records what the caller heard and presses the keys it is told to. */
final class FakeLine implements CallChannel {

    final List<String> heard = new ArrayList<>();
    private final Deque<Optional<Character>> keys = new ArrayDeque<>();
    private Prompt hangUpDuring;
    boolean answered;
    /** Whether the hotline lifted Asterisk's deadline, and whether it had answered by then. */
    boolean claimed;
    boolean claimedUnanswered;
    boolean finished;
    boolean hungUp;

    FakeLine presses(Character... pressed) {
        for (Character key : pressed) {
            keys.add(Optional.ofNullable(key));
        }
        return this;
    }

    FakeLine hangsUpDuring(Prompt prompt) {
        this.hangUpDuring = prompt;
        return this;
    }

    @Override
    public void answer() {
        answered = true;
        heard.add("(answer)");
    }

    @Override
    public void claim() {
        claimed = true;
        claimedUnanswered |= !answered;
    }

    private Speech during;
    private Runnable duringAction;

    /** Something that happens while the caller hears {@code speech} (an agent freeing up, say). */
    FakeLine whileHearing(Speech speech, Runnable action) {
        during = speech;
        duringAction = action;
        return this;
    }

    @Override
    public void play(Speech speech) {
        heard.add(speech.fileName());
        if (speech == during) {
            duringAction.run();
        }
        if (speech == hangUpDuring) {
            throw new CallerHungUp(null);
        }
    }

    private final Deque<Character> whileWaiting = new ArrayDeque<>();
    private boolean hangsUpWhileWaiting;

    /** Keys the caller presses while on hold, one per look. */
    FakeLine pressesWhileWaiting(Character... pressed) {
        whileWaiting.addAll(List.of(pressed));
        return this;
    }

    FakeLine hangsUpOnHold() {
        hangsUpWhileWaiting = true;
        return this;
    }

    @Override
    public Optional<Character> say(Speech speech, String keys) {
        play(speech);
        return Optional.empty();
    }

    @Override
    public Optional<Character> listen(String keys, Duration max) {
        if (hangsUpWhileWaiting) {
            throw new CallerHungUp(null);
        }
        Character key = whileWaiting.poll();
        return key != null && keys.indexOf(key) >= 0 ? Optional.of(key) : Optional.empty();
    }

    /** How long each hold was to last, in order. */
    final List<Duration> holds = new ArrayList<>();
    private TestClock holdClock;
    private Runnable duringHold;

    /** Each hold that is not cut short lasts its whole length on {@code clock}. */
    FakeLine holdsOn(TestClock clock) {
        holdClock = clock;
        return this;
    }

    /** Something that happens while the caller is on hold (an agent freeing up, say): it ends that hold. */
    FakeLine whileOnHold(Runnable action) {
        duringHold = action;
        return this;
    }

    @Override
    public Optional<Character> hold(Duration max, String keys) {
        holds.add(max);
        if (duringHold != null) {
            Runnable action = duringHold;
            duringHold = null;
            action.run(); // cut short at once: no time passes
            return Optional.empty();
        }
        Optional<Character> key = listen(keys, max);
        if (key.isEmpty() && holdClock != null) {
            holdClock.advance(max);
        }
        return key;
    }

    @Override
    public Optional<Character> ask(Prompt prompt, String interruptKeys, Duration timeout) {
        play(prompt);
        return keys.isEmpty() ? Optional.empty() : keys.poll();
    }

    final java.util.Deque<AgentLeg.Outcome> agentAnswers = new ArrayDeque<>();
    final List<String> rang = new ArrayList<>();
    /** The place the channel named each time an agent was rung. */
    final List<KeptPlace> placesWhenRung = new ArrayList<>();
    final List<Duration> ringTimes = new ArrayList<>();

    FakeLine agentsAnswer(AgentLeg.Outcome... outcomes) {
        agentAnswers.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public void cutShort() {
        heard.add("(prompt cut short)");
    }

    @Override
    public void holdMusic(boolean on) {
        heard.add(on ? "(music)" : "(music off)");
    }

    @Override
    public AgentLeg connect(org.hotline.shared.AgentId agent, Duration ringFor) {
        rang.add(agent.value());
        placesWhenRung.add(keptPlace);
        ringTimes.add(ringFor);
        AgentLeg.Outcome outcome = agentAnswers.isEmpty() ? AgentLeg.Outcome.NO_ANSWER : agentAnswers.poll();
        heard.add(outcome == AgentLeg.Outcome.ANSWERED ? "(talk with " + agent.value() + ")" : "(ring " + agent.value() + ")");
        if (outcome == AgentLeg.Outcome.CALLER_ABANDONED) {
            hangsUpWhileWaiting = true; // the ring stopped because the caller hung up
        }
        if (transferAfterTalk) {
            transferAfterTalk = false;
            return new AgentLeg(outcome, agent.value());
        }
        return new AgentLeg(outcome);
    }

    @Override
    public void markQueued(KeptPlace place) {
        heard.add("(mark queued " + place.queue() + ")");
        keptPlace = place;
    }

    /** The place the channel names (what the flow wrote, or what a test puts there). */
    KeptPlace keptPlace;

    /** The channel names {@code place}, as a caller's who waited when their server went away. */
    FakeLine waitedIn(KeptPlace place) {
        keptPlace = place;
        return this;
    }

    /** Each place the flow wrote over the one it marked (the caller heard the apology). */
    final List<KeptPlace> renewedPlaces = new ArrayList<>();

    @Override
    public void renewPlace(KeptPlace place) {
        renewedPlaces.add(place);
        keptPlace = place;
    }

    @Override
    public void forgetPlace() {
        keptPlace = null;
    }

    @Override
    public Optional<KeptPlace> keptPlace() {
        return Optional.ofNullable(keptPlace);
    }

    private boolean transferAfterTalk;

    /** The agent who answers next passes the caller on with a blind transfer. */
    FakeLine agentTransfers() {
        transferAfterTalk = true;
        return this;
    }

    /** How the caller ends a message after the tone: hanging up (true) or staying silent on the line. */
    private boolean hangsUpAfterMessage;

    FakeLine hangsUpAfterTheMessage() {
        hangsUpAfterMessage = true;
        return this;
    }

    /** The call the line records its conversations as, once asked. */
    org.hotline.shared.CallId recordedAs;

    @Override
    public void recordConversations(org.hotline.shared.CallId call) {
        recordedAs = call;
        heard.add("(recording " + call + ")");
    }

    @Override
    public void recordMessage(org.hotline.shared.CallId call, MessageRules rules) {
        heard.add("(tone, recording " + call + ")");
        if (hangsUpAfterMessage) {
            throw new CallerHungUp(null);
        }
    }

    @Override
    public void markFinished() {
        finished = true;
    }

    @Override
    public void hangUp() {
        hungUp = true;
        heard.add("(hang up)");
    }
}
