package org.hotline.call;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a caller's message is kept: whole days from the end of its recording; past them the file
 * is deleted and the callback task says so (the task stays). At least a day: a message is a
 * callback's whole content until someone has called back.
 */
public record MessageRetention(int days) {

    public static final int LONGEST_DAYS = 3650;

    public MessageRetention {
        if (days < 1 || days > LONGEST_DAYS) {
            throw new IllegalArgumentException("message retention of " + days + " days: 1 to " + LONGEST_DAYS);
        }
    }

    /**
     * 90 days, as the centre keeps its recorded conversations ({@link RecordingRetention#standard()}):
     * a message is the caller's voice too, and long after its callback is due it can still settle
     * what was asked.
     */
    public static MessageRetention standard() {
        return new MessageRetention(RecordingRetention.standard().days());
    }

    /** Whether a message recorded until {@code ended} is past its keeping at {@code now}. */
    public boolean expired(Instant ended, Instant now) {
        return !now.isBefore(ended.plus(Duration.ofDays(days)));
    }
}
