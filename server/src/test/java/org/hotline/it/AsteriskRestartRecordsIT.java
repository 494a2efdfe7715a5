package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * Calls cut by Asterisk going away (a restart) are recorded as lost with Asterisk — nobody hung
 * up — never as the caller hanging up.
 */
class AsteriskRestartRecordsIT {

    @Test
    void aCallCutByAnAsteriskRestartIsRecordedAsLostWithAsteriskNotAsTheCallerHangingUp() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        try (TestServer server = TestServer.start(asterisk, "asterisk_restart_records_it_" + System.nanoTime())) {
            String inMenu;
            try (TestAmi ami = new TestAmi(asterisk)) {
                NewChannelEvent call = ami.callHotline("10000", "<13900139401>");
                inMenu = call.getUniqueId();
                ami.awaitCommand(call, "/menu", Duration.ofSeconds(15));
            }
            asterisk.stop();
            asterisk.restart();

            JsonObject record = server.awaitFinishedRecord(inMenu);
            assertThat(record.getJsonObject("hangup").getString("side")).as(record.encode()).isEqualTo("asterisk");
            assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("lost-with-asterisk");
            assertThat(record.getJsonObject("settled").getString("how")).isEqualTo("lost-with-asterisk");
        }
    }

    @Test
    void aCallCutByAnAsteriskCrashIsRecordedAsLostWithAsteriskWhenItIsSeenStartedAgain() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        try (TestServer server = TestServer.start(asterisk, "asterisk_crash_records_it_" + System.nanoTime())) {
            String inMenu;
            try (TestAmi ami = new TestAmi(asterisk)) {
                NewChannelEvent call = ami.callHotline("10000", "<13900139402>");
                inMenu = call.getUniqueId();
                ami.awaitCommand(call, "/menu", Duration.ofSeconds(15));
            }
            asterisk.crash();
            asterisk.restart();

            JsonObject record = server.awaitFinishedRecord(inMenu);
            assertThat(record.getJsonObject("hangup").getString("side")).as(record.encode()).isEqualTo("asterisk");
            assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("lost-with-asterisk");
        }
    }
}
