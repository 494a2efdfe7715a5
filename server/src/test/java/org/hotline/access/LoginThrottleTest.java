package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.routing.TestClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), clock);

    @Test
    void fiveWrongPasswordsLockTheNameForTheLockoutPeriod() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.na", "10.0.0.1");
            assertThat(throttle.lockedFor("li.na", "10.0.0.1")).isEmpty();
        }
        throttle.failed("li.na", "10.0.0.1");
        assertThat(throttle.lockedFor("li.na", "10.0.0.9")).contains(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedFor("LI.NA", "10.0.0.9")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("li.na", "10.0.0.9")).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanThePeriodDoNotAddUp() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("li.na", "10.0.0.1");
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.lockedFor("li.na", "10.0.0.1")).isEmpty();
    }

    @Test
    void theRightPasswordClearsTheNamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.na", "10.0.0.1");
        }
        throttle.succeeded("li.na");
        throttle.failed("li.na", "10.0.0.1");
        assertThat(throttle.lockedFor("li.na", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressGuessingAcrossManyNamesIsLockedToo() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.66");
        }
        assertThat(throttle.lockedFor("someone.else", "10.0.0.66")).isPresent();
        assertThat(throttle.lockedFor("someone.else", "10.0.0.1")).isEmpty();
    }

    @Test
    void attemptsAreCountedBeforeThePasswordIsCheckedSoOnlyFiveGetThroughAtOnce() {
        int through = 0;
        for (int i = 0; i < 50; i++) {
            if (throttle.attempt("li.na", "10.0.0.1").isEmpty()) {
                through++;
            }
        }
        assertThat(through).isEqualTo(5);
    }

    @Test
    void aRightPasswordTakesItsAttemptBackAndAnUncheckedOneIsNotCounted() {
        for (int i = 0; i < 4; i++) {
            throttle.attempt("li.na", "10.0.0.1");
        }
        throttle.succeeded("li.na", "10.0.0.1");
        throttle.attempt("li.na", "10.0.0.1");
        throttle.unchecked("li.na", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.attempt("li.na", "10.0.0.1")).isEmpty();
        }
    }
}
