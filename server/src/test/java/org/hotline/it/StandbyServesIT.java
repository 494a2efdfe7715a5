package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one store: a browser that only knows the standby's address logs in there, reads a
 * page and the API, changes an agent's queues and sees the change on the live channel, all served by
 * the active server behind it, which records the browser's own address. The active server is killed:
 * the standby answers 503 at once, with Retry-After, until it takes over; then it serves the same
 * browser itself, on the same port, with the same session cookie.
 */
class StandbyServesIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Test
    void aBrowserAtTheStandbyIsServedByTheActiveServerAndStaysLoggedInThroughTheTakeOver() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "standby_serves_it_" + System.nanoTime();
        try (ServerPair servers = ServerPair.startFirst(asterisk, database, "standby-serves")) {
            ServerProcess active = servers.first;
            ServerProcess standby = servers.startStandby();
            // a browser elsewhere: its address is not the standby's
            ApiSession browser = ApiSession.from(InetAddress.getByName("127.0.0.2"), standby.httpPort())
                    .login("admin", ApiSession.adminPasswordFor(database));

            HttpResponse<String> page = browser.get("/web/desktop.html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
            assertThat(browser.get("/web/live.js").body()).contains("EventSource");
            JsonObject agent = new JsonObject(browser.get("/api/agents/010").body());
            assertThat(agent.getJsonObject("skills").getInteger("orders")).isEqualTo(3);

            CompletableFuture<String> update = CompletableFuture.supplyAsync(() -> {
                try {
                    return browser.awaitLiveEvent(Duration.ofSeconds(20), "agent-state", "\"010\"", "\"complaints\":4");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1000); // the live channel open through the standby before the change
            HttpResponse<String> moved = browser.put("/api/agents/010/skills", "{\"skills\": {\"orders\": 3, \"complaints\": 4}}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            assertThat(active.getJson("/api/agents/010").getJsonObject("skills").getInteger("complaints"))
                    .as("the change was made on the active server").isEqualTo(4);
            assertThat(update.get()).contains("\"complaints\":4");

            // the active server believes the standby about who asked (it is one of this store's servers)
            JsonObject audit = active.getJson("/api/audit?user=admin&limit=1000");
            assertThat(audit.getJsonArray("entries").stream().map(JsonObject.class::cast)
                    .filter(entry -> "login".equals(entry.getString("action"))).map(JsonObject::encode).toList())
                    .anyMatch(entry -> entry.contains("127.0.0.2"));

            active.kill();
            Instant killedAt = Instant.now();
            long before = System.nanoTime();
            HttpResponse<String> meanwhile = browser.get("/web/desktop.html");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(PROMPTLY);
            assertThat(meanwhile.statusCode()).isEqualTo(503);
            assertThat(meanwhile.headers().firstValue("retry-after")).isPresent();
            assertThat(meanwhile.body()).contains("on standby", "try again");
            before = System.nanoTime();
            HttpResponse<String> apiMeanwhile = browser.get("/api/agents");
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(PROMPTLY);
            assertThat(apiMeanwhile.statusCode()).isEqualTo(503);

            Duration takeOver = servers.awaitTakeOver(killedAt, Duration.ofSeconds(40));
            // served by the standby itself now, with the session made through it before the kill
            HttpResponse<String> after = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                    .until(() -> browser.get("/api/agents/010"), response -> response.statusCode() != 503);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
            assertThat(new JsonObject(after.body()).getJsonObject("skills").getInteger("complaints")).isEqualTo(4);
            assertThat(browser.get("/web/desktop.html").statusCode()).isEqualTo(200);
            System.out.println("standby served through the active server; kill to take-over " + takeOver.toMillis() + " ms");
        }
    }
}
