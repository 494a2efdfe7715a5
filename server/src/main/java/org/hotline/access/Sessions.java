package org.hotline.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sessions, in memory: each ends after {@code idle} without a request and at the latest
 * {@code longest} after login. A restart logs everyone out, which costs a login and keeps no session
 * secret on disk.
 */
public final class Sessions {

    private static final int MAX_SESSIONS = 20_000;

    private final Duration idle;
    private final Duration longest;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    public Sessions(Duration idle, Duration longest, Clock clock, SecureRandom random) {
        if (idle.isNegative() || idle.isZero() || longest.compareTo(idle) < 0) {
            throw new IllegalArgumentException("sessions: idle " + idle + ", longest " + longest);
        }
        this.idle = idle;
        this.longest = longest;
        this.clock = clock;
        this.random = random;
    }

    public Session open(User user) {
        Instant now = clock.instant();
        if (open.size() >= MAX_SESSIONS) {
            open.values().removeIf(session -> !session.expiresAt().isAfter(now));
        }
        Session session = new Session(secret(), secret(), user.viewer(), user.displayName(), now, now, expiry(now, now));
        open.put(session.token(), session);
        return session;
    }

    /** The session the token belongs to, kept alive by this use; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = open.get(token);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.expiresAt().isAfter(now)) {
            open.remove(token, found);
            return Optional.empty();
        }
        Session renewed = found.seen(now, expiry(found.openedAt(), now));
        open.replace(token, found, renewed);
        return Optional.of(renewed);
    }

    /** Whether the session stands, without keeping it alive (a live stream asks; only requests count as use). */
    public boolean isOpen(String token) {
        Session found = token == null ? null : open.get(token);
        return found != null && found.expiresAt().isAfter(clock.instant());
    }

    public void close(String token) {
        if (token != null) {
            open.remove(token);
        }
    }

    /** Ends every session of a user whose role, password or standing changed: they log in again. */
    public void closeAllOf(String user) {
        open.values().removeIf(session -> session.viewer().user().equals(user));
    }

    private Instant expiry(Instant openedAt, Instant now) {
        Instant idleEnd = now.plus(idle);
        Instant hardEnd = openedAt.plus(longest);
        return idleEnd.isBefore(hardEnd) ? idleEnd : hardEnd;
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
