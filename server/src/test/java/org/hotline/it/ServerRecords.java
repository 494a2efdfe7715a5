package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;

/** Call records as a server process serves them, and the answer wait Asterisk saw, for tests that kill servers. */
final class ServerRecords {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    /** CEL and AMI stamp one hang-up separately, microseconds apart; a record keeps milliseconds. */
    private static final Duration SAME_MOMENT = Duration.ofMillis(20);

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

    /** By Asterisk's events: answered within three rings, and never told the service is unavailable. */
    static void assertServedWithinThreeRings(TestAmi ami, NewChannelEvent call) throws InterruptedException {
        assertThat(FirstRings.ring(ami, call)).as("call %s answered within three rings", call.getUniqueId())
                .isLessThanOrEqualTo(THREE_RINGS);
        assertThat(FirstRings.dialplanPlaybacks(ami, call)).as("call %s never told the service is unavailable",
                call.getUniqueId()).noneMatch(prompt -> prompt.endsWith("/fallback"));
    }

    /** The record agrees with Asterisk: ended at its Hangup, arrived and ended once, never lost with a server. */
    static void assertOneCompleteRecord(TestAmi ami, NewChannelEvent call, JsonObject record) throws InterruptedException {
        String id = call.getUniqueId();
        HangupEvent hangup = (HangupEvent) ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(1));
        assertThat(Duration.between(TestAmi.at(hangup), Instant.parse(record.getString("endedAt"))).abs())
                .as("call %s ended when Asterisk hung it up: %s", id, record.encode()).isLessThanOrEqualTo(SAME_MOMENT);
        assertThat(Duration.between(TestAmi.at(call), Instant.parse(record.getString("arrivalAt"))).abs())
                .as("call %s arrived when Asterisk created its channel", id).isLessThanOrEqualTo(SAME_MOMENT);
        assertThat(record.getJsonObject("flow").getString("outcome")).as("call %s: %s", id, record.encode())
                .isNotEqualTo("lost-with-server");
        assertThat(eventsOfType(record, "arrived")).as("call %s arrived once", id).isEqualTo(1);
        assertThat(eventsOfType(record, "ended")).as("call %s ended once: %s", id, record.encode()).isEqualTo(1);
    }

    /** The callers among {@code ids} in the order agents' phones first rang for them from {@code from} on. */
    static List<String> offeredAfter(TestAmi ami, Instant from, Set<String> ids) {
        List<String> order = new ArrayList<>();
        for (ManagerEvent event : ami.events()) {
            if (event instanceof DialBeginEvent dial && dial.getUniqueId() != null && ids.contains(dial.getUniqueId()) && dial.getDestChannel() != null
                    && dial.getDestChannel().startsWith("PJSIP/agent-") && !TestAmi.at(dial).isBefore(from)
                    && !order.contains(dial.getUniqueId())) {
                order.add(dial.getUniqueId());
            }
        }
        return order;
    }
}
