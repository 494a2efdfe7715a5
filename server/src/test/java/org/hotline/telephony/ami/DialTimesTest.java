package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.junit.jupiter.api.Test;

class DialTimesTest {

    private final DialTimes dials = new DialTimes(Clock.systemUTC());

    private static DialBeginEvent begin(String caller, String leg, double at) {
        DialBeginEvent event = new DialBeginEvent(new Object());
        event.setUniqueId(caller);
        event.setDestUniqueId(leg);
        event.setTimestamp(at);
        return event;
    }

    private static DialEndEvent end(String caller, String leg, String status, double at) {
        DialEndEvent event = new DialEndEvent(new Object());
        event.setUniqueId(caller);
        event.setDestUniqueId(leg);
        event.setDialStatus(status);
        event.setTimestamp(at);
        return event;
    }

    @Test
    void aChannelsAnswerIsThatOfItsLastDialOnly() {
        dials.onEvent(begin("1700000000.1", "1700000000.2", 100.0));
        dials.onEvent(end("1700000000.1", "1700000000.2", "ANSWER", 102.0));
        // talked, then was passed on: the next agent rings and the caller hangs up meanwhile
        dials.onEvent(begin("1700000000.1", "1700000000.5", 200.0));
        dials.onEvent(end("1700000000.1", "1700000000.5", "CANCEL", 203.0));

        assertThat(dials.answeredAt("1700000000.1", Duration.ZERO)).isEmpty();
    }

    @Test
    void anAnsweredDialIsReportedWithAsterisksTime() {
        dials.onEvent(begin("1700000000.1", "1700000000.2", 100.0));
        dials.onEvent(end("1700000000.1", "1700000000.2", "ANSWER", 102.5));

        assertThat(dials.answeredAt("1700000000.1", Duration.ZERO)).contains(Instant.ofEpochMilli(102_500));
    }
}
