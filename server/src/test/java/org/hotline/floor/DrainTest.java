package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A graceful stop waits while something is in progress and it can be seen ending, and no longer than its limit. */
class DrainTest {

    @Test
    void theWaitEndsQuietOnceNothingIsInProgress() {
        AtomicInteger inProgress = new AtomicInteger(3);

        Drain.Ended ended = new Drain(Duration.ofSeconds(30)).await(inProgress::getAndDecrement, () -> true);

        assertThat(ended.end()).isEqualTo(Drain.End.QUIET);
        assertThat(ended.quiet()).isTrue();
        assertThat(inProgress.get()).isEqualTo(-1);
        assertThat(ended.after()).isGreaterThanOrEqualTo(Duration.ofMillis(600)); // looked at every 200 ms
    }

    @Test
    void theWaitEndsAtItsLimitWithWhatIsStillInProgress() {
        long started = System.nanoTime();

        Drain.Ended ended = new Drain(Duration.ofMillis(500)).await(() -> 2, () -> true);

        assertThat(ended.end()).isEqualTo(Drain.End.LIMIT_PASSED);
        assertThat(ended.left()).isEqualTo(2);
        assertThat(ended.quiet()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));
    }

    @Test
    void whatCannotBeSeenEndingIsNotWaitedFor() {
        Drain.Ended ended = new Drain(Duration.ofSeconds(30)).await(() -> 1, () -> false);

        assertThat(ended.end()).isEqualTo(Drain.End.UNSEEN);
        assertThat(ended.after()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void whatCannotBeAskedEndsTheWaitAtOnce() {
        Drain.Ended ended = new Drain(Duration.ofSeconds(30)).await(() -> {
            throw new IllegalStateException("the floor did not answer within 5 s");
        }, () -> true);

        assertThat(ended.end()).isEqualTo(Drain.End.CUT_SHORT);
        assertThat(ended.quiet()).isFalse();
    }

    @Test
    void theLimitCountsFromTheStartNotFromTheFirstLook() throws Exception {
        Drain drain = new Drain(Duration.ofMillis(300));
        Thread.sleep(400);

        Drain.Ended ended = drain.await(() -> 1, () -> true);

        assertThat(ended.end()).isEqualTo(Drain.End.LIMIT_PASSED);
        assertThat(ended.after()).isLessThan(Duration.ofMillis(600));
    }
}
