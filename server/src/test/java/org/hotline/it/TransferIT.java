package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent passes a caller to a colleague with a blind transfer from the softphone: the colleague's
 * phone rings, the two talk, the first agent's leg ends cleanly, and the record keeps the transfer.
 * When the colleague hangs up, the caller rates the service on the keypad.
 */
class TransferIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("transfer_it");

    @Test
    void aBlindTransferFromTheSoftphoneReachesTheColleagueAndIsRecorded() throws Exception {
        try (Softphone first = hotline.agentPhone("010", "agent-010-transfer").autoAnswer().start();
             Softphone colleague = hotline.agentPhone("011", "agent-011-transfer").autoAnswer().start()) {
            hotline.readyWithPhone("010", first);
            hotline.readyWithPhone("011", colleague);

            NewChannelEvent call = hotline.ami().callHotline("10000", "<13800139002>");
            hotline.ami().joinQueue(call, '1');
            first.awaitCallEstablished(Duration.ofSeconds(15));
            Thread.sleep(1000);

            first.transfer("sip:011@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
            first.awaitCallClosed(Duration.ofSeconds(10));
            colleague.awaitCallEstablished(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(3)).until(() ->
                    hotline.server().getJson("/api/agents/011").getString("state").equals("on-call"));
            assertThat(hotline.server().getJson("/api/agents/010").getString("state"))
                    .as("the transferring agent's conversation is over").isIn("wrap-up", "ready");
            Thread.sleep(1000);
            // The colleague ends the conversation: the caller, still on the line, is asked for a rating.
            colleague.hangUp();
            colleague.awaitCallClosed(Duration.ofSeconds(10));
            hotline.ami().awaitCommand(call, "/survey", Duration.ofSeconds(10));
            hotline.ami().press(call, '4');

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            JsonArray transfers = record.getJsonArray("transfers");
            assertThat(transfers).hasSize(1);
            assertThat(transfers.getJsonObject(0).getString("from")).isEqualTo("010");
            assertThat(transfers.getJsonObject(0).getString("to")).isEqualTo("011");
            assertThat(record.getJsonArray("offers").stream().map(o -> ((JsonObject) o).getString("agent")).toList())
                    .containsExactly("010", "011");
            assertThat(record.getJsonObject("agent").getString("id")).as("who talked to the caller last").isEqualTo("011");
            assertThat(record.getJsonObject("survey").getInteger("score")).isEqualTo(4);
            assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("connected");
            assertThat(record.getJsonObject("hangup").getString("side")).as("thanked and closed by the hotline")
                    .isEqualTo("hotline");
            await().atMost(Duration.ofSeconds(15)).until(() -> List.of("wrap-up", "ready")
                    .contains(hotline.server().getJson("/api/agents/011").getString("state")));
        }
    }


}
