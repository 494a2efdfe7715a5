package org.hotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline.telephony.ami.DialTimes;

/**
 * How Asterisk's {@code Dial} to a customer ended, read right after it: {@code DIALSTATUS} from the
 * channel, and the customer's answer by Asterisk's own event of the dialled leg (Dial's time
 * variables measure the dialling channel's age, not the customer's ring).
 *
 * @param status     DIALSTATUS (ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL…), or empty
 * @param answeredAt when the customer picked up, or null
 * @param talk       how long they talked (zero when not answered)
 */
record DialResult(String status, Instant answeredAt, Duration talk) {

    /** Asterisk's answer event may reach the server a moment after the script reads the status. */
    static final Duration ANSWER_EVENT_WAIT = Duration.ofSeconds(2);

    /**
     * @param dialling the dialling channel's unique id
     * @param times    Asterisk's dial times, where the dialled leg's answer is found
     */
    static DialResult read(AgiChannel channel, String dialling, DialTimes times, Clock clock) throws AgiException {
        String status = channel.getVariable("DIALSTATUS");
        if (!"ANSWER".equals(status)) {
            return new DialResult(status == null ? "" : status, null, Duration.ZERO);
        }
        Optional<Instant> answered = times.answeredAt(dialling, ANSWER_EVENT_WAIT);
        Instant now = clock.instant();
        return new DialResult(status, answered.orElse(null),
                answered.map(at -> Duration.between(at, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO));
    }
}
