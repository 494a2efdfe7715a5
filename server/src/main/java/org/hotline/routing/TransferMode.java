package org.hotline.routing;

import java.util.Locale;
import java.util.Optional;

/** How an agent passes their caller on. */
public enum TransferMode {
    /** The caller goes at once to the target (a colleague or a queue); the agent is free. */
    BLIND,
    /** The agent talks to the colleague first, the caller on hold; then transfers, brings all three together, or cancels. */
    CONSULT;

    /** How the API writes it: blind, consult. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TransferMode> of(String id) {
        for (TransferMode mode : values()) {
            if (mode.id().equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
