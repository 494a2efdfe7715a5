package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrivalStampRuleTest {

    private static final Instant CHANNEL_CREATED = Instant.parse("2026-12-06T10:00:04.000Z");
    private final ArrivalStampRule rule = ArrivalStampRule.STANDARD;

    @Test
    void aStampBeforeAsteriskCreatedTheChannelIsTheArrival() {
        assertThat(rule.refusal(CHANNEL_CREATED.minusSeconds(4), CHANNEL_CREATED)).isEmpty();
        assertThat(rule.refusal(CHANNEL_CREATED.minusMillis(3), CHANNEL_CREATED)).isEmpty();
    }

    @Test
    void aStampAFewMillisecondsAfterTheChannelIsTheTwoClocksDisagreeingAndStillTheArrival() {
        assertThat(rule.refusal(CHANNEL_CREATED.plusMillis(50), CHANNEL_CREATED)).isEmpty();
    }

    @Test
    void aStampClearlyAfterTheChannelWasCreatedIsRefused() {
        assertThat(rule.refusal(CHANNEL_CREATED.plusMillis(51), CHANNEL_CREATED))
                .hasValueSatisfying(why -> assertThat(why).contains("after Asterisk created the channel"));
    }

    @Test
    void aStampUpToAMinuteBeforeTheChannelIsTheArrivalAndOneOlderIsRefused() {
        assertThat(rule.refusal(CHANNEL_CREATED.minusSeconds(60), CHANNEL_CREATED)).isEmpty();
        assertThat(rule.refusal(CHANNEL_CREATED.minusSeconds(61), CHANNEL_CREATED))
                .hasValueSatisfying(why -> assertThat(why).contains("61 s before"));
    }

    @Test
    void aStampIsEpochSecondsWithSixDigitsOfMicrosecondsAndNothingElse() {
        assertThat(ArrivalStampRule.parse("1796571526.000042")).contains(Instant.parse("2026-12-06T15:38:46.000042Z"));
        for (String bad : new String[] {"1796571526", "1796571526.42", "1796571526.000042 ", "-1796571526.000042",
                "1e9.000000", "17965715260000.000042", ""}) {
            assertThat(ArrivalStampRule.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ArrivalStampRule.parse(null)).isEmpty();
    }
}
