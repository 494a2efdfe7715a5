package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server and Asterisk start and restart independently; the AMI link follows. */
class AmiLinkIT {

    private static AsteriskSandbox asterisk;

    @BeforeAll
    static void start() {
        asterisk = AsteriskSandbox.start();
    }

    @AfterAll
    static void leaveAsteriskRunning() {
        asterisk.restart();
    }

    @Test
    void aServerStartedBeforeAsteriskLogsInOnceAsteriskIsUpAndAfterItRestarts() throws Exception {
        asterisk.stop();
        try (TestServer server = TestServer.startWithoutAsterisk(asterisk, "ami_it_" + System.nanoTime())) {
            JsonObject down = server.getJson("/api/health");
            assertThat(down.getJsonObject("ami").getString("status")).isEqualTo("down");
            assertThat(down.getJsonObject("mongo").getString("status")).isEqualTo("up");
            assertThat(server.get("/api/health").statusCode()).isEqualTo(503);

            asterisk.restart();
            awaitAmi(server, "up");

            asterisk.stop();
            awaitAmi(server, "down");
            asterisk.restart();
            awaitAmi(server, "up");

            try (TestAmi ami = new TestAmi(asterisk)) {
                NewChannelEvent call = ami.callHotline("10000", "<3001>");
                ami.await(e -> e instanceof AgiExecStartEvent s && call.getUniqueId().equals(s.getUniqueId())
                        && s.getCommand() != null && s.getCommand().contains("/greeting"), Duration.ofSeconds(10));
                ami.hangUp(call);
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    var record = server.get("/api/calls/" + call.getUniqueId());
                    return record.statusCode() == 200 && new JsonObject(record.body()).containsKey("endedAt");
                });
            }
        }
    }

    private static void awaitAmi(TestServer server, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(server.getJson("/api/health").getJsonObject("ami").getString("status")));
    }
}
