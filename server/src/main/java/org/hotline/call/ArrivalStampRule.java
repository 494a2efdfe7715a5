package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When the front door's stamp of a call's arrival may stand for the call's arrival. Under load
 * Asterisk creates the caller's channel only when it gets round to the queued INVITE, so the
 * stamp the front door put on it when it came in is the earlier and truer arrival; but it is
 * another machine's clock, so it must make sense against Asterisk's: never after the channel was
 * created (beyond a small skew between the two clocks), and not so long before that it cannot be
 * the same call's.
 *
 * @param skew   how far after the channel's creation a stamp may lie (the clocks' disagreement)
 * @param oldest how long before the channel's creation a stamp may lie
 */
public record ArrivalStampRule(Duration skew, Duration oldest) {

    /** 50 ms of skew between two synchronised clocks; a minute of queueing is already far past any ring. */
    public static final ArrivalStampRule STANDARD = new ArrivalStampRule(Duration.ofMillis(50), Duration.ofSeconds(60));

    private static final Pattern STAMP = Pattern.compile("[0-9]{9,11}\\.[0-9]{6}");

    /** The stamp as the front door writes it: epoch seconds with six digits of microseconds, nothing else. */
    public static Optional<Instant> parse(String text) {
        if (text == null || !STAMP.matcher(text).matches()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)),
                Long.parseLong(text.substring(dot + 1)) * 1_000));
    }

    /** Why {@code stamp} cannot be the arrival of a call whose channel Asterisk created at {@code created}; empty when it can. */
    public Optional<String> refusal(Instant stamp, Instant created) {
        if (stamp.isAfter(created.plus(skew))) {
            return Optional.of("stamped " + Duration.between(created, stamp).toMillis()
                    + " ms after Asterisk created the channel (more than " + skew.toMillis() + " ms of clock skew)");
        }
        if (stamp.isBefore(created.minus(oldest))) {
            return Optional.of("stamped " + Duration.between(stamp, created).toSeconds()
                    + " s before Asterisk created the channel (more than " + oldest.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
