package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Customers (SIPp) calling the hotline through the front door, Kamailio: the call is served as
 * always, and its arrival is the moment the front door stamped its INVITE, also when Asterisk gets
 * round to the INVITE only seconds later; a node that does not answer costs a caller a few seconds
 * once, and is out of the rotation within seconds.
 */
class FrontDoorIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    /** The stamp is taken as Kamailio receives the INVITE, on the same machine as SIPp. */
    private static final Duration LOOPBACK = Duration.ofMillis(100);
    /** SIPp timestamps its trace of a message just after sending it. */
    private static final Duration TRACED_AFTER_SENDING = Duration.ofMillis(-5);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("frontdoor_it");

    private static String node() {
        return "127.0.0.1:" + AsteriskSandbox.SIP_PORT;
    }

    @Test
    void aCallThroughTheFrontDoorIsServedAndArrivesWhenTheFrontDoorStampedIt() throws Exception {
        Instant before = Instant.now();
        try (FrontDoor door = FrontDoor.start("one-node", List.of(node()));
             SippCallers caller = SippCallers.call(door, 1, 1, Duration.ofSeconds(8))) {
            NewChannelEvent channel = awaitFrontDoorChannel(before);
            caller.awaitAllCompleted(Duration.ofSeconds(40));
            JsonObject record = hotline.server().awaitFinishedRecord(channel.getUniqueId());

            Map.Entry<String, Instant> sent = only(caller.invitesSent());
            Instant stamp = door.stamps().get(sent.getKey());
            assertThat(stamp).as("Kamailio's stamp of the INVITE SIPp sent at %s", sent.getValue()).isNotNull();
            assertThat(Duration.between(sent.getValue(), stamp)).isBetween(TRACED_AFTER_SENDING, LOOPBACK);
            // the caller's own X-Hotline-Arrival (the year 2001) was replaced by the front door's
            assertThat(record.getString("arrivalAt")).isEqualTo(ms(stamp));
            assertThat(TestAmi.at(channel)).as("Asterisk created the channel after the stamp").isAfterOrEqualTo(stamp);
            assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
            assertThat(record.getJsonObject("answer").getLong("waitMs")).as("the wait counts from the stamp").isCloseTo(
                    Duration.between(Instant.parse(record.getString("arrivalAt")), Instant.parse(record.getString("answeredAt"))).toMillis(),
                    within(1L));
            assertThat(record.getJsonObject("greeting").getString("startedAt")).as("greeted").isNotNull();
            assertThat(record.getJsonObject("greeting").getString("endedAt")).as("the whole greeting").isNotNull();
            assertThat(types(record)).contains("arrival-stamped").containsSubsequence("arrived", "answered", "greeting-started");
        }
    }

    @Test
    void aCallAsteriskTakesUpOnlySecondsLaterArrivedWhenItReachedTheFrontDoor() throws Exception {
        Instant before = Instant.now();
        long asterisk = hotline.asterisk().pid();
        try (FrontDoor door = FrontDoor.start("overload", List.of(node()))) {
            SippCallers caller;
            Instant stamp;
            signal("STOP", asterisk); // overloaded: the INVITE waits in Asterisk's socket, Kamailio retransmits it
            try {
                caller = SippCallers.call(door, 1, 1, Duration.ofSeconds(3));
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !door.stamps().isEmpty());
                stamp = only(door.stamps()).getValue();
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), stamp.plusSeconds(4)).toMillis()));
            } finally {
                signal("CONT", asterisk);
            }
            try (caller) {
                NewChannelEvent channel = awaitFrontDoorChannel(before);
                caller.awaitAllCompleted(Duration.ofSeconds(40));
                JsonObject record = hotline.server().awaitFinishedRecord(channel.getUniqueId());

                Instant created = TestAmi.at(channel);
                assertThat(Duration.between(stamp, created)).as("Asterisk's own channel came after the freeze")
                        .isBetween(Duration.ofMillis(3_800), Duration.ofSeconds(6));
                assertThat(record.getString("arrivalAt")).as("the arrival is the front door's stamp").isEqualTo(ms(stamp));
                assertThat(Duration.between(only(caller.invitesSent()).getValue(), stamp)).isBetween(TRACED_AFTER_SENDING, LOOPBACK);
                JsonObject answer = record.getJsonObject("answer");
                assertThat(answer.getLong("waitMs")).as("the wait counts the 4 s Asterisk was away")
                        .isGreaterThanOrEqualTo(Duration.between(stamp, created).toMillis())
                        .isCloseTo(Duration.between(Instant.parse(record.getString("arrivalAt")),
                                Instant.parse(record.getString("answeredAt"))).toMillis(), within(1L));
                assertThat(answer.getInteger("ring")).isGreaterThanOrEqualTo(2);
                JsonObject arrived = event(record, "arrived");
                assertThat(arrived.getString("at")).as("Asterisk's arrival stays on the record's events").isEqualTo(ms(created));
                // Asterisk's own event log carries the stamp too: the audit agrees with the record
                java.time.LocalDate day = stamp.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
                JsonObject audit = hotline.server().getJson("/api/reports/audit?day=" + day);
                assertThat(audit.getJsonArray("calls").stream().map(JsonObject.class::cast)
                        .filter(d -> channel.getUniqueId().equals(d.getString("call"))).toList())
                        .as("what CEL and the record say of this call").isEmpty();
                System.out.printf("front door, Asterisk frozen 4 s: stamp %s, channel %s (+%d ms), answered after %d ms (ring %d)%n",
                        stamp, created, Duration.between(stamp, created).toMillis(), answer.getLong("waitMs"), answer.getInteger("ring"));
            }
        } finally {
            signal("CONT", asterisk);
        }
    }

    @Test
    void aDeadNodeCostsOneCallerAFewSecondsOnceAndIsOutWithinSeconds() throws Exception {
        String dead = "127.0.0.1:" + FreePorts.udpAndTcp(); // nothing answers there
        Instant before = Instant.now();
        try (FrontDoor door = FrontDoor.start("dead-node", List.of(node(), dead))) {
            Instant started = Instant.now();
            // two callers at once, before any probe: round robin sends one of them to the dead node first
            List<JsonObject> first;
            try (SippCallers callers = SippCallers.call(door, 2, 10, Duration.ofSeconds(3))) {
                Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                        .until(() -> door.nodes().getOrDefault(dead, "").startsWith("I"));
                Duration out = Duration.between(started, Instant.now());
                callers.awaitAllCompleted(Duration.ofSeconds(40));
                first = records(before, 2);
                assertThat(out).as("the dead node is out").isLessThan(Duration.ofSeconds(6));
                System.out.printf("front door: dead node out %d ms after start%n", out.toMillis());
            }
            assertThat(door.nodes()).containsEntry(node(), "AP");
            List<String> failedOver = door.failedOver();
            assertThat(failedOver).as("the call first sent to the dead node").hasSize(1);
            Instant tried = door.stamps().get(failedOver.getFirst().split(" ")[0]);
            for (JsonObject record : first) {
                assertThat(record.getJsonObject("answer").getBoolean("withinRule")).as("answered within three rings").isTrue();
                assertThat(Duration.ofMillis(record.getJsonObject("answer").getLong("waitMs"))).isLessThanOrEqualTo(THREE_RINGS);
            }
            JsonObject detoured = first.stream().filter(r -> r.getString("arrivalAt").equals(ms(tried))).findFirst().orElseThrow();
            Duration extra = Duration.between(tried, Instant.parse(event(detoured, "arrived").getString("at")));
            assertThat(extra).as("the dead node's cost: Kamailio's INVITE timeout").isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(6));
            System.out.printf("front door: a call first sent to the dead node reached Asterisk %d ms after its arrival, answered after %d ms%n",
                    extra.toMillis(), detoured.getJsonObject("answer").getLong("waitMs"));

            // With the node out, nobody waits on it.
            Instant later = Instant.now();
            try (SippCallers callers = SippCallers.call(door, 3, 2, Duration.ofSeconds(2))) {
                callers.awaitAllCompleted(Duration.ofSeconds(40));
            }
            assertThat(door.failedOver()).hasSize(1);
            for (JsonObject record : records(later, 3)) {
                Duration reached = Duration.between(Instant.parse(record.getString("arrivalAt")),
                        Instant.parse(event(record, "arrived").getString("at")));
                assertThat(reached).as("straight to the live node").isLessThan(Duration.ofSeconds(1));
                assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
            }
        }
    }

    @Test
    void aStampFromAnyoneButTheFrontDoorIsNotRead() throws Exception {
        Instant before = Instant.now();
        Instant forged = before.minusSeconds(5); // plausible, so only the trust keeps it off the record
        String stamp = forged.getEpochSecond() + "." + String.format("%06d", forged.getNano() / 1_000);
        try (SippCallers caller = SippCallers.callDirectly(hotline.asterisk().callerPassword(), stamp, Duration.ofSeconds(2))) {
            NewChannelEvent channel = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                    && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-")
                    && n.getDateReceived().toInstant().isAfter(before), Duration.ofSeconds(20));
            caller.awaitAllCompleted(Duration.ofSeconds(40));
            JsonObject record = hotline.server().awaitFinishedRecord(channel.getUniqueId());

            assertThat(caller.messages()).as("the INVITE carried the forged stamp").contains("X-Hotline-Arrival: " + stamp);
            assertThat(record.getString("arrivalAt")).as("Asterisk's arrival").isEqualTo(ms(TestAmi.at(channel)));
            assertThat(types(record)).doesNotContain("arrival-stamped", "arrival-stamp-refused");
        }
    }

    private static NewChannelEvent awaitFrontDoorChannel(Instant after) throws InterruptedException {
        return (NewChannelEvent) hotline.ami().await(e -> isFrontDoorCall(e, after), Duration.ofSeconds(20));
    }

    private static boolean isFrontDoorCall(ManagerEvent e, Instant after) {
        return e instanceof NewChannelEvent n && n.getChannel() != null && n.getChannel().startsWith("PJSIP/frontdoor-")
                && "hotline".equals(n.getContext()) && n.getDateReceived().toInstant().isAfter(after);
    }

    /** The finished records of the {@code count} calls that came through the front door since {@code after}. */
    private static List<JsonObject> records(Instant after, int count) {
        List<String> ids = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            ids.clear();
            hotline.ami().events().stream().filter(e -> isFrontDoorCall(e, after)).forEach(e -> ids.add(((NewChannelEvent) e).getUniqueId()));
            return ids.size() >= count;
        });
        assertThat(ids).hasSize(count);
        return ids.stream().map(id -> hotline.server().awaitFinishedRecord(id)).toList();
    }

    private static <V> Map.Entry<String, V> only(Map<String, V> map) {
        assertThat(map).hasSize(1);
        return map.entrySet().iterator().next();
    }

    private static List<String> types(JsonObject record) {
        return record.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")).toList();
    }

    private static JsonObject event(JsonObject record, String type) {
        return record.getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(e -> type.equals(e.getString("type"))).findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + record));
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private static String ms(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
