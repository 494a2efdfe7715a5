package org.hotline.access;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (a salt per hash, a cost that makes guessing slow). Slow on purpose:
 * call it off the event loop.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    // bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused.
    public static final int MAX_BYTES = 72;
    public static final int STANDARD_COST = 12;

    private final int cost;
    private final String decoy;

    /** @param cost bcrypt's log2 rounds: 12 in service (about a quarter second), lower only in tests */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31");
        }
        this.cost = cost;
        this.decoy = hash("decoy password for unknown users");
    }

    /** Why the password may not be used, or null when it may. */
    public static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes (UTF-8)";
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return "no control characters";
        }
        return null;
    }

    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        byte[] bytes = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_BYTES || hash == null) {
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    /** Spends the same time as a real check, so an unknown name cannot be told from a wrong password by timing. */
    public void checkNobody(String password) {
        matches(password == null || password.isEmpty() ? "x" : password, decoy);
    }
}
