package org.hotline.it;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;

/** Call records as a server process serves them, and the answer wait Asterisk saw, for tests that kill servers. */
final class ServerRecords {

    private ServerRecords() {
    }

    static long eventsOfType(JsonObject record, String type) {
        return record.getJsonArray("events").stream().filter(e -> type.equals(((JsonObject) e).getString("type"))).count();
    }

    static Duration answerWait(TestAmi ami, NewChannelEvent call) throws InterruptedException {
        NewStateEvent up = (NewStateEvent) ami.awaitOn(call.getUniqueId(),
                e -> e instanceof NewStateEvent s && Integer.valueOf(6).equals(s.getChannelState()), Duration.ofSeconds(1));
        return Duration.between(TestAmi.at(call), TestAmi.at(up));
    }

    static JsonObject awaitComplete(ServerProcess server, String id) {
        JsonObject[] found = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = server.get("/api/calls/" + id);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = new JsonObject(response.body());
            return found[0].containsKey("endedAt") && found[0].containsKey("hangup") && found[0].containsKey("flow")
                    && found[0].getJsonObject("flow").getString("outcome") != null;
        });
        return found[0];
    }

    static Set<String> recordIds(ServerProcess server, Instant from) throws Exception {
        JsonArray page = server.getJson("/api/calls?limit=500&from=" + from + "&to=" + Instant.now().plusSeconds(60))
                .getJsonArray("calls");
        Set<String> ids = new TreeSet<>();
        page.forEach(call -> ids.add(((JsonObject) call).getString("id")));
        return ids;
    }

    /** Waits until the server took back a caller the dialplan's fallback held (the record says when). */
    static void awaitTakenBack(ServerProcess server, NewChannelEvent held) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var response = server.get("/api/calls/" + held.getUniqueId());
            JsonObject fallback = response.statusCode() == 200 ? new JsonObject(response.body()).getJsonObject("fallback") : null;
            return fallback != null && fallback.containsKey("takenBackAt");
        });
    }
}
