package org.hotline.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts work handed to a background writer until it is done, so callers can wait for it to drain. */
final class PendingWork {

    private final AtomicLong pending = new AtomicLong();
    private final Object idle = new Object();

    void added() {
        pending.incrementAndGet();
    }

    void done(long count) {
        if (pending.addAndGet(-count) == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Waits until all work added is done; false if time ran out first. */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
