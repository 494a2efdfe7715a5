package org.hotline.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one user name within the
 * lockout period, that name is locked for the period; an address that fails four times as often is
 * locked too (guessing across many names). Kept in memory: a restart forgets, which is acceptable
 * because a restart is rare and slow compared with guessing.
 *
 * <p>An attempt is counted as a failure the moment it is let through ({@link #attempt}), before its
 * password is checked, and taken back when the password was right: a password check takes a
 * tenth of a second, and logins sent all at once must not all pass the lock before one has failed.
 */
public final class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;
    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(int maxFailures, Duration period, Clock clock) {
        if (maxFailures < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("login throttle: " + maxFailures + " failures in " + period);
        }
        this.maxFailures = maxFailures;
        this.period = period;
        this.clock = clock;
    }

    /** How long until this name (or address) may try again; empty when it may try now. */
    public synchronized Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration byName = locked(nameKey(user), maxFailures, now);
        Duration byAddress = locked(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
        Duration longest = byName.compareTo(byAddress) >= 0 ? byName : byAddress;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /**
     * Lets one attempt through unless the name or address is locked, counting it as failed until
     * {@link #succeeded(String, String)} says otherwise; check and count are one step.
     *
     * @return how long until the name (or address) may try again when it is locked; empty when this attempt may go on
     */
    public synchronized Optional<Duration> attempt(String user, String address) {
        Optional<Duration> locked = lockedFor(user, address);
        if (locked.isEmpty()) {
            failed(user, address);
        }
        return locked;
    }

    /** The attempt let through was right: the name's failures are cleared and the address's counted attempt taken back. */
    public synchronized void succeeded(String user, String address) {
        succeeded(user);
        Deque<Instant> times = failures.get(addressKey(address));
        if (times != null && !times.isEmpty()) {
            times.pollLast();
        }
    }

    /** The attempt let through could not be checked (the users' store away): it is not counted. */
    public synchronized void unchecked(String user, String address) {
        for (String key : new String[] {nameKey(user), addressKey(address)}) {
            Deque<Instant> times = failures.get(key);
            if (times != null && !times.isEmpty()) {
                times.pollLast();
            }
        }
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent(nameKey(user), key -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(addressKey(address), key -> new ArrayDeque<>()).addLast(now);
    }

    /** A right password clears the name's failures (not the address's: one success must not unlock guessing). */
    public synchronized void succeeded(String user) {
        failures.remove(nameKey(user));
    }

    private Duration locked(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(period).isAfter(now)) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        // Locked until the latest failure is a whole period old.
        return Duration.between(now, times.peekLast().plus(period));
    }

    private static String nameKey(String user) {
        String name = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 64 ? name.substring(0, 64) : name); // a key per guess must stay small
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
