package org.hotline.routing.roster;

import java.security.SecureRandom;

/**
 * The passwords a new agent is handed once: 20 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), about 115 bits from a secure random, easy to type into a phone.
 */
public final class FirstPasswords {

    static final int LENGTH = 20;
    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    private final SecureRandom random;

    public FirstPasswords(SecureRandom random) {
        this.random = random;
    }

    String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
