package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotline.call.AnswerDeadline;
import org.hotline.call.RingPolicy;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

/** The globals the dialplan reads, as the server sets them at each AMI login. */
class DialplanGlobalsTest {

    @Test
    void theServersAreOneCommaSeparatedListInTheOrderAsteriskAsksThem() {
        HotlineConfig.Agi agi = new HotlineConfig.Agi("127.0.0.1", 4573, AnswerDeadline.standard(),
                List.of("10.0.0.1:4573", "hotline-b:4573", "[::1]:4574"));
        assertThat(DialplanGlobals.values(agi, RingPolicy.handbook()))
                .containsEntry("HOTLINE_AGI_SERVERS", "10.0.0.1:4573,hotline-b:4573,[::1]:4574");
    }

    @Test
    void oneServerAloneIsTheListOfAServerThatWasGivenNone() {
        assertThat(DialplanGlobals.values(new HotlineConfig.Agi("127.0.0.1", 4573, AnswerDeadline.standard()), RingPolicy.handbook()))
                .containsEntry("HOTLINE_AGI_SERVERS", "127.0.0.1:4573");
    }

    @Test
    void aRingingCallerIsOfferedToTheNextServerUntilOneSecondBeforeTheThirdRingEnds() {
        HotlineConfig.Agi agi = new HotlineConfig.Agi("127.0.0.1", 4573, new AnswerDeadline(Duration.ofMillis(4_500), Duration.ofMinutes(1)));
        assertThat(DialplanGlobals.values(agi, RingPolicy.handbook())).containsExactly(
                java.util.Map.entry("HOTLINE_DEADLINE", "4.5"),
                java.util.Map.entry("HOTLINE_HOLD", "60"),
                java.util.Map.entry("HOTLINE_LAST_TRY", "8"),
                java.util.Map.entry("HOTLINE_AGI_SERVERS", "127.0.0.1:4573"));
        RingPolicy fiveSecondRings = new RingPolicy(Duration.ofMillis(2_500), 1, 3, 5);
        assertThat(DialplanGlobals.values(agi, fiveSecondRings)).containsEntry("HOTLINE_LAST_TRY", "6.5");
    }
}
