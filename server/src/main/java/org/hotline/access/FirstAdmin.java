package org.hotline.access;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first run's administrator: with no users at all, an "admin" user is made, with the password
 * the operator gave or, failing that, one generated here (never a fixed default).
 */
public final class FirstAdmin {

    public static final String NAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private FirstAdmin() {
    }

    /**
     * @param given the operator's password, or null to generate one
     * @return the generated password, to be shown once; empty when users existed or the password was given
     */
    public static Optional<String> ensure(Users users, Passwords passwords, String given, SecureRandom random) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = given != null ? given : generated(random);
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new IllegalArgumentException("the first administrator's password: " + problem);
        }
        try {
            users.add(new User(NAME, "Administrator", Role.ADMIN, null, passwords.hash(password), false));
        } catch (Users.UserExists raced) {
            return Optional.empty();
        }
        return given != null ? Optional.empty() : Optional.of(password);
    }

    private static String generated(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
