package org.hotline.routing;

import java.util.Locale;
import java.util.Optional;

/** How a supervisor joins an agent's call. */
public enum MonitorMode {
    /** Hears the caller and the agent; neither hears the supervisor. */
    LISTEN,
    /** Hears both; only the agent hears the supervisor (coaching). */
    WHISPER,
    /** Hears both and both hear the supervisor. */
    BARGE;

    /** How the API writes it: listen, whisper, barge. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MonitorMode> of(String id) {
        for (MonitorMode mode : values()) {
            if (mode.id().equals(id)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
