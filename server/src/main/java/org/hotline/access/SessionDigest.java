package org.hotline.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What is derived from a session's token: the digest the store keys it by (SHA-256, so the store's
 * content gives no token back), and the CSRF token (a SHA-256 of the token under another label:
 * never stored, and not to be worked out from the digest).
 */
public final class SessionDigest {

    private SessionDigest() {
    }

    public static String of(String token) {
        return sha256("hotline-session:" + token);
    }

    static String csrfOf(String token) {
        return sha256("hotline-csrf:" + token);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
