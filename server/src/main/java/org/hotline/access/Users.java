package org.hotline.access;

import java.util.List;
import java.util.Optional;

/** Where users are kept; a store that does not answer throws {@link Unavailable}. */
public interface Users {

    Optional<User> find(String name);

    List<User> all();

    /** @throws UserExists when the name is taken */
    void add(User user);

    /** Replaces the user of that name; false when there is none. */
    boolean replace(User user);

    long count();

    /** The store did not answer. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    final class UserExists extends RuntimeException {
        public UserExists(String name) {
            super("user " + name + " exists already", null, false, false);
        }
    }
}
