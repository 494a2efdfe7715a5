package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL) in the middle of a campaign, with customers on the line, and
 * another is started on the same store: every contact is dialled exactly as often as the rules
 * say — the customers who had picked up are not called again, the busy ones get all their
 * attempts and no more.
 */
class CampaignRestartIT {

    @Test
    void aCampaignSurvivesAKilledServerWithoutDiallingAnyoneTwiceOrLosingAnyone() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "campaign_restart_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk)) {
            ServerProcess first = ServerProcess.start(asterisk, database, "campaign-restart-first");
            try {
                JsonArray contacts = new JsonArray()
                        // these two answer and stay on the line through the survey
                        .add(new JsonObject().put("number", "13900000031"))
                        .add(new JsonObject().put("number", "13900000032"));
                for (int n = 1; n <= 4; n++) {
                    contacts.add(new JsonObject().put("number", "1390000002" + n)); // always busy
                }
                HttpResponse<String> created = first.post("/api/campaigns", new JsonObject()
                        .put("id", "restart-it").put("name", "Restart").put("kind", "survey")
                        .put("rules", new JsonObject()
                                .put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                                .put("maxAttempts", 2)
                                .put("retryAfterMinutes", new JsonObject().put("busy", 0))
                                .put("maxLines", 2))
                        .put("contacts", contacts).encode());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(first.post("/api/campaigns/restart-it/start", "").statusCode()).isEqualTo(200);

                // Both answering customers are listening to the survey: kill the server now.
                await().atMost(Duration.ofSeconds(30)).until(() -> surveysUnderWay(ami) == 2);
                Thread.sleep(500);
            } finally {
                first.kill();
            }

            try (ServerProcess second = ServerProcess.start(asterisk, database, "campaign-restart-second")) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        "completed".equals(second.getJson("/api/campaigns/restart-it").getString("status")));
                JsonObject progress = second.getJson("/api/campaigns/restart-it").getJsonObject("progress");
                assertThat(progress.getJsonObject("contacts").getInteger("done")).isEqualTo(2);
                assertThat(progress.getJsonObject("contacts").getInteger("exhausted")).isEqualTo(4);
            }

            Map<String, Integer> dialled = new TreeMap<>();
            ami.events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                    .map(NewChannelEvent::getChannel)
                    .filter(channel -> channel != null && channel.startsWith("Local/139") && channel.endsWith(";1"))
                    .forEach(channel -> dialled.merge(channel.substring("Local/".length(), channel.indexOf('@')), 1, Integer::sum));
            assertThat(dialled).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "13900000031", 1, "13900000032", 1,
                    "13900000021", 2, "13900000022", 2, "13900000023", 2, "13900000024", 2));
        }
    }

    /** Campaign calls whose survey script has started (the customer answered). */
    private static long surveysUnderWay(TestAmi ami) {
        Set<String> channels = ami.events().stream().filter(AgiExecStartEvent.class::isInstance)
                .map(AgiExecStartEvent.class::cast)
                .filter(event -> event.getChannel() != null && event.getChannel().startsWith("Local/1390000003"))
                .map(AgiExecStartEvent::getChannel).collect(Collectors.toSet());
        return channels.size();
    }
}
