package org.hotline.call;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long Asterisk waits for the server to answer a call before its own fallback answers,
 * greets and keeps the caller on hold: the three-ring promise must not depend on the server
 * being alive, and a stopped or deadlocked server still accepts Asterisk's connection. The
 * deadline is held by Asterisk (the dialplan's {@code TIMEOUT(absolute)}), never by the server.
 *
 * @param server how long after the call reaches the dialplan the server must have answered
 *               (and each time the fallback asks the server again, to take a held caller back)
 * @param hold   how long the fallback keeps a caller on hold, asking the server again, before it
 *               says the call cannot be taken now
 */
public record AnswerDeadline(Duration server, Duration hold) {

    /** The server's planned answer comes at least this long before the deadline (scheduling, a short pause). */
    public static final Duration MARGIN = Duration.ofSeconds(1);
    /**
     * From the deadline to the fallback's answer and the start of its greeting: Asterisk's Answer
     * waits 0.5 s for the media (measured on Asterisk 22), the rest is room.
     */
    public static final Duration FALLBACK_START = Duration.ofSeconds(1);

    public AnswerDeadline {
        if (server.isNegative() || server.isZero()) {
            throw new IllegalArgumentException("the server's deadline to answer must be positive");
        }
        if (hold.isNegative()) {
            throw new IllegalArgumentException("the fallback's hold cannot be negative");
        }
    }

    /** 5 s to answer (leaves 4 s of the three 3-s rings for the fallback), 2 minutes on hold. */
    public static AnswerDeadline standard() {
        return new AnswerDeadline(Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /**
     * Whether this deadline keeps the ring rule either way: the server's planned answer comes
     * {@link #MARGIN} before it, and the fallback's answer and greeting start
     * ({@link #FALLBACK_START} after it) are still within the rings allowed.
     *
     * @return what does not fit, in words; empty when it fits
     */
    public Optional<String> misfit(RingPolicy rings) {
        Duration planned = Duration.between(Instant.EPOCH, rings.plannedAnswer(Instant.EPOCH));
        Duration limit = rings.answer().limit();
        if (planned.plus(MARGIN).compareTo(server) > 0) {
            return Optional.of("the server plans to answer " + seconds(planned) + " s after arrival (ring "
                    + rings.answerAtRing() + "), which must come at least " + seconds(MARGIN)
                    + " s before the deadline of " + seconds(server) + " s");
        }
        if (server.plus(FALLBACK_START).compareTo(limit) > 0) {
            return Optional.of("a deadline of " + seconds(server) + " s and the fallback's " + seconds(FALLBACK_START)
                    + " s to answer and start the greeting pass the " + rings.answer().within().count() + "-ring limit of "
                    + seconds(limit) + " s");
        }
        return Optional.empty();
    }

    /** The deadline as Asterisk's {@code TIMEOUT(absolute)} takes it: seconds, with milliseconds. */
    public String asteriskSeconds() {
        return seconds(server);
    }

    /**
     * The latest moment after arrival at which the dialplan still asks a server to answer a ringing
     * caller (the next server on the list, after one that said nothing): the ring limit less the
     * fallback's {@link #FALLBACK_START}, so that its answer and greeting still come within the rings.
     * Seconds, with milliseconds, as the dialplan counts them.
     */
    public static String asteriskLastTry(RingPolicy rings) {
        return seconds(rings.answer().limit().minus(FALLBACK_START));
    }

    /** The hold as whole seconds (the dialplan counts it on Asterisk's clock, {@code EPOCH}). */
    public String holdSeconds() {
        return String.valueOf(hold.toSeconds());
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
