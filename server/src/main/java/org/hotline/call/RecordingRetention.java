package org.hotline.call;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a recording is kept: whole days from its start; past them the file is deleted and the
 * record says so. Zero days keeps it only until the next sweep.
 */
public record RecordingRetention(int days) {

    public static final int LONGEST_DAYS = 3650;

    public RecordingRetention {
        if (days < 0 || days > LONGEST_DAYS) {
            throw new IllegalArgumentException("retention of " + days + " days: 0 to " + LONGEST_DAYS);
        }
    }

    /** The centre's usual keeping: 90 days. */
    public static RecordingRetention standard() {
        return new RecordingRetention(90);
    }

    public Instant deleteFrom(Instant started) {
        return started.plus(Duration.ofDays(days));
    }

    /** Whether a recording started at {@code started} is past its keeping at {@code now}. */
    public boolean expired(Instant started, Instant now) {
        return !now.isBefore(deleteFrom(started));
    }
}
