package org.hotline.access;

import java.util.regex.Pattern;
import org.hotline.shared.AgentId;

/**
 * Someone who logs in to the pages and the API.
 *
 * @param agent        the agent this user answers the phone as; required for the agent role
 * @param passwordHash as {@link Passwords} made it; never the password
 */
public record User(String name, String displayName, Role role, AgentId agent, String passwordHash, boolean disabled) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");

    public User {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("name: 2 to 32 lower-case letters, digits, '.', '_' or '-'");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 64
                || displayName.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName: 1 to 64 characters, no control characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role: agent, supervisor or admin");
        }
        if (role == Role.AGENT && agent == null) {
            throw new IllegalArgumentException("agent: required for the agent role (the agent ID the user answers as)");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("password hash missing");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public Viewer viewer() {
        return new Viewer(name, role, agent);
    }

    public User withPasswordHash(String hash) {
        return new User(name, displayName, role, agent, hash, disabled);
    }
}
