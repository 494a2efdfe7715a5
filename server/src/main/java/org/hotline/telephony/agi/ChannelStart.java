package org.hotline.telephony.agi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * When Asterisk created (and answered) the caller's channel, asked of Asterisk itself
 * ({@code CDR(start,u)}, {@code CDR(answer,u)}): the call's arrival and answer when the AMI feed
 * did not report them (the server was stopped, or its AMI link not up yet when the call came).
 */
final class ChannelStart {

    private static final Pattern EPOCH = Pattern.compile("[0-9]{9,11}(\\.[0-9]{1,6})?");

    private ChannelStart() {
    }

    static Optional<Instant> of(AgiChannel channel) {
        return read(channel, "CDR(start,u)");
    }

    /** When Asterisk answered the channel, by its CDR (empty while unanswered). */
    static Optional<Instant> answerOf(AgiChannel channel) {
        return read(channel, "CDR(answer,u)").filter(at -> at.isAfter(Instant.EPOCH));
    }

    private static Optional<Instant> read(AgiChannel channel, String function) {
        try {
            return parse(channel.getVariable(function));
        } catch (AgiException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> parse(String epochSeconds) {
        if (epochSeconds == null || !EPOCH.matcher(epochSeconds).matches()) {
            return Optional.empty();
        }
        BigDecimal micros = new BigDecimal(epochSeconds).movePointRight(6);
        return Optional.of(Instant.EPOCH.plus(micros.longValueExact(), ChronoUnit.MICROS));
    }
}
