package org.hotline.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts each user's look-ups by phone number that found nothing, within {@link LookupLimit}. A
 * look-up is counted as a miss the moment it is let through and taken back when it found the number,
 * so look-ups sent all at once cannot all slip past the limit. In memory: a restart forgets.
 */
public final class NumberLookups {

    private final LookupLimit limit;
    private final Clock clock;
    private final Map<String, Deque<Instant>> misses = new HashMap<>();

    public NumberLookups(LookupLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Lets one look-up through, counted as a miss; empty when it may go on, else how long until the user may look up again. */
    public synchronized Optional<Duration> attempt(String user) {
        Instant now = clock.instant();
        Deque<Instant> times = misses.computeIfAbsent(user, key -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(limit.window()).isAfter(now)) {
            times.pollFirst();
        }
        if (times.size() >= limit.misses()) {
            return Optional.of(Duration.between(now, times.peekFirst().plus(limit.window())));
        }
        times.addLast(now);
        return Optional.empty();
    }

    /** The look-up let through found its number (or could not be made): it was not a miss. */
    public synchronized void found(String user) {
        Deque<Instant> times = misses.get(user);
        if (times != null) {
            times.pollLast();
            if (times.isEmpty()) {
                misses.remove(user);
            }
        }
    }
}
