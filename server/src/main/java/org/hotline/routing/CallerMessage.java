package org.hotline.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The message a caller left when nobody could take the call, as its callback task carries it.
 *
 * @param file   the recording's file name in the messages directory (named by the call), or null
 *               when the caller hung up at the tone without saying anything one can hear
 * @param length how long the recording is; zero without audio
 */
public record CallerMessage(String file, Duration length) {

    public CallerMessage {
        Objects.requireNonNull(length, "length");
        if (file == null ? !length.isZero() : length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a message has audio of some length, or none at all");
        }
    }

    /** The caller reached the tone and hung up: still a caller to call back, with nothing to hear. */
    public static CallerMessage withoutAudio() {
        return new CallerMessage(null, Duration.ZERO);
    }

    public boolean hasAudio() {
        return file != null;
    }
}
