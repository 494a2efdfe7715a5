package org.hotline.call;

import java.util.Locale;

/** Whether a queue's conversations are recorded, and whether the caller is told first. */
public enum RecordingMode {
    OFF,
    ON,
    /** The caller hears that the call is recorded before they wait for an agent. */
    ANNOUNCE;

    public boolean records() {
        return this != OFF;
    }

    /** As the configuration writes it: off, on or announce. */
    public static RecordingMode of(String text) {
        for (RecordingMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(text + " is not off, on or announce");
    }
}
