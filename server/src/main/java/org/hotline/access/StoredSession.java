package org.hotline.access;

import java.time.Instant;

/**
 * A session as the store keeps it, for every server of the store to find: the digest of its token,
 * never the token, so what the store holds cannot be replayed as a login.
 *
 * @param digest    {@link SessionDigest#of} the token
 * @param lastSeen  the last use written to the store (use is written at most every {@link Sessions#TOUCH_EVERY})
 * @param expiresAt when it ends unless used again; the store removes it after
 */
public record StoredSession(String digest, Viewer viewer, String displayName, Instant openedAt, Instant lastSeen,
                            Instant expiresAt) {

    public StoredSession {
        if (digest == null || viewer == null || openedAt == null || lastSeen == null || expiresAt == null) {
            throw new IllegalArgumentException("a stored session needs its digest, viewer and times");
        }
    }
}
