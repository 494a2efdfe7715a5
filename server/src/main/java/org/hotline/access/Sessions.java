package org.hotline.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open sessions: each ends after {@code idle} without a request and at the latest {@code longest}
 * after login. They are kept in a {@link SessionBook} (the store), so a restart or another server
 * of the same store taking over logs nobody out; this server holds the ones it has seen in memory,
 * so a request costs no store round trip.
 *
 * <p>What is held is checked against the book every {@link #CHECK_EVERY} by {@link #check()} (one
 * read for all of them): a session closed on another server is refused here within that time plus
 * one read. Use is written to the book at most every {@link #TOUCH_EVERY} per session, never per
 * request. While the book does not answer, the sessions held here go on by their own expiry and a
 * session never seen here cannot be checked ({@link SessionBook.Unavailable}).
 */
public final class Sessions {

    /** How often the sessions held here are checked against the book (a logout elsewhere shows within it). */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A session's use is written to the book at most this often (shorter when {@code idle} is short). */
    public static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    /** Sessions one user may have open at once; logging in again past it ends the oldest. */
    public static final int MOST_PER_USER = 20;
    /** Sessions held in this server's memory; past it the longest unused is dropped (found again in the book). */
    static final int MOST_HELD = 20_000;
    /** How often the book is rid of expired sessions (besides the store's own expiry). */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Duration idle;
    private final Duration longest;
    private final Duration touchEvery;
    private final Clock clock;
    private final SecureRandom random;
    private final SessionBook book;
    private final Map<String, Held> held = new ConcurrentHashMap<>(); // by digest
    private volatile boolean bookAnswers = true;
    private volatile Instant swept = Instant.MIN;

    /** Sessions in this process only (tests, tools): a restart logs everyone out. */
    public Sessions(Duration idle, Duration longest, Clock clock, SecureRandom random) {
        this(idle, longest, clock, random, new MemorySessionBook());
    }

    public Sessions(Duration idle, Duration longest, Clock clock, SecureRandom random, SessionBook book) {
        if (idle.isNegative() || idle.isZero() || longest.compareTo(idle) < 0) {
            throw new IllegalArgumentException("sessions: idle " + idle + ", longest " + longest);
        }
        this.idle = idle;
        this.longest = longest;
        this.touchEvery = TOUCH_EVERY.compareTo(idle.dividedBy(2)) < 0 ? TOUCH_EVERY : idle.dividedBy(2);
        this.clock = clock;
        this.random = random;
        this.book = book;
    }

    /** Opens a session and keeps it in the book (blocking: off the event loop). */
    public Session open(User user) {
        Instant now = clock.instant();
        String token = secret();
        Session session = new Session(token, SessionDigest.csrfOf(token), user.viewer(), user.displayName(), now, now,
                expiry(now, now));
        String digest = SessionDigest.of(token);
        boolean kept = book.open(stored(digest, session), MOST_PER_USER);
        hold(new Held(session, digest, kept));
        return session;
    }

    /**
     * The session the token belongs to when this server holds it, kept alive by this use; empty
     * when it is not held here (ask {@link #find}) or has expired. Never waits for the store.
     */
    public Optional<Session> findHeld(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String digest = SessionDigest.of(token);
        Held found = held.get(digest);
        if (found == null || !found.session().token().equals(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!found.session().expiresAt().isAfter(now)) {
            held.remove(digest, found);
            return Optional.empty();
        }
        Held renewed = found.seen(now, expiry(found.session().openedAt(), now));
        held.replace(digest, found, renewed);
        return Optional.of(renewed.session());
    }

    /**
     * The session the token belongs to, from memory or else from the book (blocking: off the event
     * loop), kept alive by this use; empty when unknown, closed or expired.
     *
     * @throws SessionBook.Unavailable when it is not held here and the book does not answer
     */
    public Optional<Session> find(String token) throws SessionBook.Unavailable {
        if (token == null) {
            return Optional.empty();
        }
        String digest = SessionDigest.of(token);
        boolean heldHere = held.containsKey(digest);
        Optional<Session> known = findHeld(token);
        if (known.isPresent()) {
            return known;
        }
        Optional<StoredSession> stored;
        try {
            if (!bookAnswers) {
                throw new SessionBook.Unavailable("the sessions' store did not answer at the last check", null);
            }
            stored = book.find(digest);
        } catch (SessionBook.Unavailable e) {
            bookAnswers = false;
            if (heldHere) {
                return Optional.empty(); // expired as far as anyone can tell while the store is away
            }
            throw e;
        }
        Instant now = clock.instant();
        if (stored.isEmpty() || !stored.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        StoredSession kept = stored.get();
        Session session = new Session(token, SessionDigest.csrfOf(token), kept.viewer(), kept.displayName(), kept.openedAt(),
                now, expiry(kept.openedAt(), now));
        hold(new Held(session, digest, true));
        return Optional.of(session);
    }

    /** Whether the session stands, without keeping it alive (a live stream asks; only requests count as use). */
    public boolean isOpen(String token) {
        Held found = token == null ? null : held.get(SessionDigest.of(token));
        return found != null && found.session().token().equals(token) && found.session().expiresAt().isAfter(clock.instant());
    }

    /** Logs out, here and (through the book) on every server (blocking: off the event loop). */
    public void close(String token) {
        if (token != null) {
            String digest = SessionDigest.of(token);
            held.remove(digest);
            book.close(digest);
        }
    }

    /** Ends every session of a user whose role, password or standing changed, on every server: they log in again. */
    public void closeAllOf(String user) {
        held.values().removeIf(held -> held.session().viewer().user().equals(user));
        book.closeAllOf(user);
    }

    /**
     * Brings what this server holds in line with the book (blocking; every {@link #CHECK_EVERY}):
     * drops what another server closed, takes their later use, writes the use seen here once it is
     * {@link #TOUCH_EVERY} ahead of the book's, and now and then rids the book of expired sessions.
     * A book that does not answer changes nothing held.
     */
    public void check() {
        Instant now = clock.instant();
        held.values().removeIf(held -> !held.session().expiresAt().isAfter(now));
        Map<String, StoredSession> kept = new HashMap<>();
        try {
            for (StoredSession stored : book.findAll(List.copyOf(held.keySet()))) {
                kept.put(stored.digest(), stored);
            }
            bookAnswers = true;
        } catch (SessionBook.Unavailable e) {
            bookAnswers = false;
            return;
        }
        List<StoredSession> used = new ArrayList<>();
        for (String digest : List.copyOf(held.keySet())) {
            StoredSession stored = kept.get(digest);
            // closed elsewhere when the book has it no more; one opened here may still wait to be written
            Held merged = held.computeIfPresent(digest, (d, mine) -> stored == null ? (mine.confirmed() ? null : mine)
                    : mine.merged(stored, expiry(mine.session().openedAt(), latest(mine.session().lastSeen(), stored.lastSeen()))));
            if (merged != null && stored != null && !merged.session().lastSeen().isBefore(stored.lastSeen().plus(touchEvery))) {
                used.add(stored(digest, merged.session()));
            }
        }
        try {
            if (!used.isEmpty()) {
                book.touch(used);
            }
            if (!now.isBefore(swept.plus(SWEEP_EVERY))) {
                book.removeExpired(now);
                swept = now;
            }
        } catch (SessionBook.Unavailable e) {
            bookAnswers = false;
        }
    }

    /** Whether the store answered the last time it was asked (checked every {@link #CHECK_EVERY}). */
    public boolean storeAnswers() {
        return bookAnswers;
    }

    /** Sessions held in this server's memory. */
    public int held() {
        return held.size();
    }

    private void hold(Held session) {
        if (held.size() >= MOST_HELD) {
            Instant now = clock.instant();
            held.values().removeIf(old -> !old.session().expiresAt().isAfter(now));
            if (held.size() >= MOST_HELD) {
                held.values().stream().filter(Held::confirmed).min(Comparator.comparing(old -> old.session().lastSeen()))
                        .ifPresent(old -> held.remove(old.digest(), old));
            }
        }
        held.put(session.digest(), session);
    }

    private Instant expiry(Instant openedAt, Instant now) {
        Instant idleEnd = now.plus(idle);
        Instant hardEnd = openedAt.plus(longest);
        return idleEnd.isBefore(hardEnd) ? idleEnd : hardEnd;
    }

    private static Instant latest(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private static StoredSession stored(String digest, Session session) {
        return new StoredSession(digest, session.viewer(), session.displayName(), session.openedAt(), session.lastSeen(),
                session.expiresAt());
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A session this server holds.
     *
     * @param confirmed whether the book is known to have it (one opened while the store was away waits to be written)
     */
    private record Held(Session session, String digest, boolean confirmed) {

        Held seen(Instant now, Instant expiresAt) {
            return new Held(session.seen(now, expiresAt), digest, confirmed);
        }

        /** Takes the later use another server wrote; the book has it. */
        Held merged(StoredSession stored, Instant expiresAt) {
            return new Held(session.seen(latest(session.lastSeen(), stored.lastSeen()), expiresAt), digest, true);
        }
    }
}
