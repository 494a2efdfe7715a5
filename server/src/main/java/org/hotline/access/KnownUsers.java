package org.hotline.access;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may log in, read from the store, with the copy this server last read kept for logins while
 * the store is away. Nobody can change a user then (changing one needs the store), so the copy is
 * what the store said when it went away; only a server cut off from a store others still reach
 * may miss a change made meanwhile, as it misses their logouts.
 */
public final class KnownUsers {

    private final Users users;
    private final BooleanSupplier storeAnswers;
    private volatile Map<String, User> copy; // null until read once

    /** @param storeAnswers whether the store answered lately: while it does not, the copy answers at once */
    public KnownUsers(Users users, BooleanSupplier storeAnswers) {
        this.users = users;
        this.storeAnswers = storeAnswers;
    }

    /**
     * The user of that name, from the store, or from the copy while the store is away (blocking).
     *
     * @throws Users.Unavailable when the store is away and this server never read the users
     */
    public Optional<User> find(String name) {
        if (storeAnswers.getAsBoolean()) {
            try {
                return users.find(name);
            } catch (Users.Unavailable e) {
                // the copy answers below
            }
        }
        Map<String, User> known = copy;
        if (known == null) {
            throw new Users.Unavailable("users: the store is away and this server has not read them yet", null);
        }
        return Optional.ofNullable(known.get(name));
    }

    /** Reads every user again (blocking; every minute while the store answers); a store away keeps the last copy. */
    public void refresh() {
        try {
            copy = users.all().stream().collect(Collectors.toUnmodifiableMap(User::name, Function.identity()));
        } catch (Users.Unavailable e) {
            // kept: the last copy is what the store said
        }
    }
}
