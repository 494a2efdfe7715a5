package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.Test;

/**
 * A campaign customer whose phone was still ringing when the server was killed, and who picked up
 * while it was down, is counted as reached from Asterisk's own log after the restart, and not
 * dialled again (dials counted from Asterisk's channel events).
 */
class CampaignAnsweredWhileDownIT {

    /** Rings 6 s, then answers and listens (test dialplan). */
    private static final String CUSTOMER = "13900000071";

    @Test
    void aCustomerWhoPickedUpWhileTheServerWasDownIsReachedAndNotCalledAgain() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "campaign_answered_down_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk)) {
            ServerProcess first = ServerProcess.start(asterisk, database, "campaign-answered-down-first");
            try {
                HttpResponse<String> created = first.post("/api/campaigns", new JsonObject()
                        .put("id", "down-it").put("name", "Down").put("kind", "survey")
                        .put("rules", new JsonObject()
                                .put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                                .put("maxAttempts", 3)
                                .put("retryAfterMinutes", new JsonObject().put("interrupted", 0).put("no-answer", 0))
                                .put("maxLines", 1))
                        .put("contacts", new JsonArray().add(new JsonObject().put("number", CUSTOMER))).encode());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(first.post("/api/campaigns/down-it/start", "").statusCode()).isEqualTo(200);
                ami.await(e -> e instanceof NewChannelEvent n && n.getChannel() != null
                        && n.getChannel().startsWith("Local/" + CUSTOMER + "@hotline-outbound"), Duration.ofSeconds(30));
                Thread.sleep(1500); // the customer's phone rings
            } finally {
                first.kill();
            }
            // They pick up while no server is running.
            ami.await(e -> e instanceof NewStateEvent n && n.getChannel() != null
                    && n.getChannel().startsWith("Local/" + CUSTOMER + "@hotline-outbound") && "Up".equals(n.getChannelStateDesc()),
                    Duration.ofSeconds(15));

            try (ServerProcess second = ServerProcess.start(asterisk, database, "campaign-answered-down-second")) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        "completed".equals(second.getJson("/api/campaigns/down-it").getString("status")));
                JsonObject progress = second.getJson("/api/campaigns/down-it").getJsonObject("progress");
                assertThat(progress.getJsonObject("contacts").getInteger("done")).isEqualTo(1);
                assertThat(progress.getJsonObject("attempts").getInteger("reached")).isEqualTo(1);
            }
            long dials = ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                    .map(NewChannelEvent::getChannel)
                    .filter(channel -> channel != null && channel.startsWith("Local/" + CUSTOMER + "@hotline-outbound") && channel.endsWith(";1"))
                    .count();
            assertThat(dials).as("calls Asterisk placed toward the customer").isEqualTo(1);
        }
    }
}
