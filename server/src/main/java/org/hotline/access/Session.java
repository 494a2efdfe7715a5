package org.hotline.access;

import java.time.Instant;

/**
 * A logged-in browser or client.
 *
 * @param token     the secret the cookie carries
 * @param csrfToken the secret every changing request must repeat in a header (a cookie alone is not enough)
 */
public record Session(String token, String csrfToken, Viewer viewer, String displayName, Instant openedAt,
                      Instant lastSeen, Instant expiresAt) {

    Session seen(Instant now, Instant newExpiry) {
        return new Session(token, csrfToken, viewer, displayName, openedAt, now, newExpiry);
    }
}
