package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hotline.audit.CelFile;
import org.hotline.audit.CelLog;
import org.junit.jupiter.api.Test;

/**
 * Campaign calls as Asterisk logged them (lines a real Asterisk 22 wrote during a campaign: two
 * customers who answered, one always busy): a customer's answer is found by the number the centre
 * dialled, from the moment the call was placed.
 */
class CelSwitchLogTest {

    private static CelLog real() throws Exception {
        try (var in = CelSwitchLogTest.class.getResourceAsStream("/cel/campaign-calls.csv")) {
            return CelFile.read(new InputStreamReader(in, StandardCharsets.UTF_8), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        }
    }

    @Test
    void aCustomerWhoPickedUpIsFoundWithAsterisksAnswerTime() throws Exception {
        assertThat(CelSwitchLog.answered(real(), "13900000031", Instant.ofEpochSecond(1796536402)))
                .contains(Instant.ofEpochSecond(1796536402, 957_313_000));
    }

    @Test
    void aBusyCustomerOrAnAnswerBeforeThisCallWasPlacedIsNoAnswer() throws Exception {
        assertThat(CelSwitchLog.answered(real(), "13900000021", Instant.EPOCH)).isEmpty();
        assertThat(CelSwitchLog.answered(real(), "13900000031", Instant.ofEpochSecond(1796536403))).isEmpty();
        assertThat(CelSwitchLog.answered(real(), "1390000003", Instant.EPOCH)).as("not a prefix of another number").isEmpty();
    }
}
