package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChannelStartTest {

    @Test
    void asterisksChannelStartIsReadToTheMicrosecond() {
        assertThat(ChannelStart.parse("1796537250.287894")).contains(Instant.parse("2026-12-06T06:07:30.287894Z"));
        assertThat(ChannelStart.parse("1796537250")).contains(Instant.parse("2026-12-06T06:07:30Z"));
    }

    @Test
    void anythingElseIsNoStart() {
        assertThat(ChannelStart.parse(null)).isEmpty();
        assertThat(ChannelStart.parse("")).isEmpty();
        assertThat(ChannelStart.parse("2026-12-06 06:07:30")).isEmpty();
        assertThat(ChannelStart.parse("1796537250.1234567")).isEmpty();
    }
}
