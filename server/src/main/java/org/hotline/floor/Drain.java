package org.hotline.floor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * A graceful stop's wait, the floor's and the campaign runner's alike: from its start, what is in
 * progress is looked at every 200 ms until nothing is, the limit has passed, or its end can no
 * longer be seen. Blocks: never from an event loop.
 */
final class Drain {

    private static final long POLL_MILLIS = 200;

    /** How the wait ended. */
    enum End {
        /** Nothing in progress any more. */
        QUIET,
        /** Still something in progress when the limit passed. */
        LIMIT_PASSED,
        /** Its end can no longer be seen (e.g. the link to the switch is down). */
        UNSEEN,
        /** What is in progress could not be asked, or the waiting thread was interrupted. */
        CUT_SHORT
    }

    /** @param left how much was still in progress (0 when quiet, -1 when unknown); {@code after} how long the wait took */
    record Ended(End end, int left, Duration after) {

        boolean quiet() {
            return end == End.QUIET;
        }
    }

    private final Duration limit;
    private final long started = System.nanoTime();

    /** Starts the wait's clock now. */
    Drain(Duration limit) {
        this.limit = limit;
    }

    /**
     * @param inProgress how much is still in progress (asked on the waiting thread)
     * @param observed   whether the end of what is in progress can be seen at all
     */
    Ended await(Callable<Integer> inProgress, BooleanSupplier observed) {
        long deadline = started + limit.toNanos();
        while (true) {
            int left;
            try {
                left = inProgress.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended(End.CUT_SHORT, -1);
            } catch (Exception gone) {
                return ended(End.CUT_SHORT, -1);
            }
            if (left == 0) {
                return ended(End.QUIET, 0);
            }
            if (!observed.getAsBoolean()) {
                return ended(End.UNSEEN, left);
            }
            if (System.nanoTime() >= deadline) {
                return ended(End.LIMIT_PASSED, left);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended(End.CUT_SHORT, left);
            }
        }
    }

    private Ended ended(End end, int left) {
        return new Ended(end, left, Duration.ofNanos(System.nanoTime() - started));
    }
}
