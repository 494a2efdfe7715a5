package org.hotline.call;

import java.time.Duration;

/**
 * How a caller nobody can take leaves a message: offered after hours, when nobody is at work for
 * the queue chosen, and after the maximum wait; recorded after the tone until the caller hangs up,
 * presses #, stays silent {@code silence} long, or reaches {@code longest}.
 *
 * @param enabled  whether callers are offered a message at all
 * @param longest  the longest message recorded
 * @param silence  this much silence ends a message
 * @param shortest a recording shorter than this holds nothing to hear: a caller who hung up at the
 *                 tone is still called back (their number is known), marked without audio
 */
public record MessageRules(boolean enabled, Duration longest, Duration silence, Duration shortest) {

    public MessageRules {
        if (longest.compareTo(Duration.ofSeconds(10)) < 0 || longest.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("a message lasts at most between 10 s and 10 min");
        }
        if (silence.compareTo(Duration.ofSeconds(1)) < 0 || silence.compareTo(longest) >= 0) {
            throw new IllegalArgumentException("the silence that ends a message is at least 1 s and shorter than the longest message");
        }
        if (shortest.isNegative() || shortest.compareTo(longest) >= 0) {
            throw new IllegalArgumentException("the shortest message is shorter than the longest");
        }
    }

    /** Two minutes at most, ended by five seconds of silence; under a second is nothing to hear. */
    public static MessageRules standard() {
        return new MessageRules(true, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** No message offered (the flow as it was without one). */
    public static MessageRules off() {
        MessageRules standard = standard();
        return new MessageRules(false, standard.longest, standard.silence, standard.shortest);
    }
}
