package org.hotline.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where open sessions are kept so that every server of one store knows them: a restart or another
 * server taking over logs nobody out. Only digests of tokens are kept ({@link StoredSession}).
 */
public interface SessionBook {

    /**
     * Keeps a new session and ends the user's oldest ones beyond {@code mostPerUser}.
     *
     * @return true when the store holds it now; false when it waits to be written (the store is away)
     */
    boolean open(StoredSession session, int mostPerUser);

    /** The session of that digest, as kept; the caller checks its expiry. */
    Optional<StoredSession> find(String digest) throws Unavailable;

    /** Those of the digests still kept: a missing one was closed (or expired) by any server. */
    List<StoredSession> findAll(Collection<String> digests) throws Unavailable;

    /** Pushes each session's last use and expiry forward (never back: another server may have seen it later). */
    void touch(List<StoredSession> used) throws Unavailable;

    /** Ends a session; kept for the store to take later when it is away, never dropped. */
    void close(String digest);

    /** Ends every session of a user; kept for the store to take later when it is away, never dropped. */
    void closeAllOf(String user);

    /** Removes the sessions that ended before {@code now} (the store's own expiry may lag or be missing). */
    void removeExpired(Instant now) throws Unavailable;

    /** The store did not answer: the caller goes on with what it holds. */
    final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
