package org.hotline.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.routing.TestClock;

/** The floor's timers for tests: each fires, in order, when the test moves the clock past its moment. */
final class HandTimers implements Timers {

    private record Due(Instant at, Runnable work) {
    }

    private final TestClock clock;
    private final List<Due> due = new ArrayList<>();

    HandTimers(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void after(Duration delay, Runnable work) {
        due.add(new Due(clock.instant().plus(delay), work));
    }

    /** Moves the clock on by {@code by}, firing every timer due meanwhile at its own moment. */
    void advance(Duration by) {
        Instant until = clock.instant().plus(by);
        while (true) {
            Due next = due.stream().filter(timer -> !timer.at().isAfter(until)).min(Comparator.comparing(Due::at)).orElse(null);
            if (next == null) {
                break;
            }
            due.remove(next);
            if (next.at().isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next.at()));
            }
            next.work().run();
        }
        clock.advance(Duration.between(clock.instant(), until));
    }
}
