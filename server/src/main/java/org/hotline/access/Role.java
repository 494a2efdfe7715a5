package org.hotline.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The roles of a contact centre's staff, each with what it may do. */
public enum Role {
    AGENT(EnumSet.of(Permission.WORK_CALLS)),
    SUPERVISOR(EnumSet.of(Permission.WORK_CALLS, Permission.SUPERVISE, Permission.SEE_FULL_NUMBERS,
            Permission.RUN_CAMPAIGNS, Permission.EXPORT)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** How the API and configuration write it: agent, supervisor, admin. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
