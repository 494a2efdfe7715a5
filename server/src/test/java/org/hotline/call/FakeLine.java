package org.hotline.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A caller's line for flow tests: records what the caller heard and presses the keys it is told to. */
final class FakeLine implements CallChannel {

    final List<String> heard = new ArrayList<>();
    private final Deque<Optional<Character>> keys = new ArrayDeque<>();
    private Prompt hangUpDuring;
    boolean answered;
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
    public void play(Prompt prompt) {
        heard.add(prompt.fileName());
        if (prompt == hangUpDuring) {
            throw new CallerHungUp(null);
        }
    }

    @Override
    public Optional<Character> ask(Prompt prompt, String interruptKeys, Duration timeout) {
        play(prompt);
        return keys.isEmpty() ? Optional.empty() : keys.poll();
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
