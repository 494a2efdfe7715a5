package org.hotline.telephony.agi;

import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * How Asterisk's {@code Dial} to a customer ended, read from the channel right after it:
 * {@code DIALSTATUS}, and from the dial and answer times when the customer was reached.
 *
 * @param status     DIALSTATUS (ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL…), or empty
 * @param answeredAt when the customer picked up, or null
 * @param talk       how long they talked (zero when not answered)
 */
record DialResult(String status, Instant answeredAt, Duration talk) {

    /** @param dialledAt when the Dial started */
    static DialResult read(AgiChannel channel, Instant dialledAt) throws AgiException {
        String status = channel.getVariable("DIALSTATUS");
        if (!"ANSWER".equals(status)) {
            return new DialResult(status == null ? "" : status, null, Duration.ZERO);
        }
        long dialledMs = millis(channel.getVariable("DIALEDTIME_MS"));
        long answeredMs = millis(channel.getVariable("ANSWEREDTIME_MS"));
        return new DialResult(status, dialledAt.plusMillis(Math.max(0, dialledMs - answeredMs)), Duration.ofMillis(answeredMs));
    }

    private static long millis(String value) {
        return value != null && value.matches("\\d{1,12}") ? Long.parseLong(value) : 0;
    }
}
