package org.hotline.floor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one Vert.x context the floor's state lives on: work handed to it runs there one piece at a
 * time, and timers set through it fire there, so nothing on the floor needs a lock.
 */
final class FloorContext implements Timers {

    private final Context context;

    FloorContext(Context context) {
        this.context = context;
    }

    /** Runs {@code work} on the context, later. */
    void run(Runnable work) {
        context.runOnContext(ignored -> work.run());
    }

    /** Runs {@code work} on the context; its answer, or its failure, comes back as a future. */
    <T> Future<T> on(Supplier<T> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                promise.complete(work.get());
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    /** From a flow's own thread: runs {@code work} on the context and waits for its answer ({@link BlockingBridge}). */
    <T> T await(Supplier<T> work) {
        return BlockingBridge.await(on(work));
    }

    /** Set from the context: the timer fires on it. */
    @Override
    public void after(Duration delay, Runnable work) {
        // Rounded up: a timer a fraction of a millisecond early would find its moment not yet come.
        long millis = (delay.toNanos() + 999_999) / 1_000_000;
        context.owner().setTimer(Math.max(1, millis), id -> work.run());
    }

    /** {@code work} on the context every {@code period}, from now on. */
    void every(Duration period, Runnable work) {
        context.runOnContext(ignored -> context.owner().setPeriodic(period.toMillis(), id -> work.run()));
    }
}
