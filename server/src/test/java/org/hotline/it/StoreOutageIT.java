package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.bson.Document;
import org.hotline.report.Tally;
import org.hotline.store.CallLedger;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store (its own process) goes away — stopped with SIGSTOP, as a stalled database looks —
 * while the server (its own process) takes calls on the real Asterisk: no event is lost, the
 * reports equal a recompute, a server started meanwhile answers at once, and a second server on
 * the same store refuses the floor.
 */
class StoreOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(120);
    private static final Duration THREE_RINGS = Duration.ofSeconds(9);

    @TempDir
    static Path dir;

    private static AsteriskSandbox asterisk;
    private static TestAmi ami;
    private static StoreProcess store;

    @BeforeAll
    static void start() throws Exception {
        asterisk = AsteriskSandbox.start();
        ami = new TestAmi(asterisk);
        store = StoreProcess.start(dir.resolve("store"), "store-outage-it-store");
    }

    @AfterAll
    static void stop() throws Exception {
        if (ami != null) {
            ami.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void noEventIsLostWhileTheStoreIsStoppedFor120SecondsAndTheReportsEqualARecompute() throws Exception {
        String database = "outage_it_" + System.nanoTime();
        List<NewChannelEvent> calls = new ArrayList<>();
        Instant drained;
        Instant resumed;
        try (ServerProcess server = ServerProcess.start(asterisk, database, "store-outage-it-server",
                Map.of("MONGO_URI", store.uri(), "HOTLINE_DATA_DIR", dir.resolve("server-a").toString()), true)) {
            calls.add(call("13800138000", Duration.ofSeconds(6)));
            NewChannelEvent acrossTheStop = ami.callHotline("10000", "<13800138001>");
            calls.add(acrossTheStop);
            awaitUp(acrossTheStop);

            store.freeze();
            Instant frozen = Instant.now();
            ami.hangUp(acrossTheStop); // its hang-up happens while the store is away
            int n = 2;
            while (Duration.between(frozen, Instant.now()).compareTo(OUTAGE.minusSeconds(20)) < 0) {
                calls.add(call("1380013800" + n++ % 10, Duration.ofSeconds(5)));
                Thread.sleep(4_000);
            }
            NewChannelEvent acrossTheReturn = ami.callHotline("10000", "<13900139000>");
            calls.add(acrossTheReturn);
            awaitUp(acrossTheReturn);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.between(frozen, Instant.now()).toMillis()));
            JsonObject away = server.healthJson();
            store.resume();
            resumed = Instant.now();
            ami.hangUp(acrossTheReturn);
            assertThat(away.getString("status")).isEqualTo("degraded");
            assertThat(away.getJsonObject("mongo").getString("problem")).contains("cannot reach MongoDB (MONGO_URI)");

            try (MongoStore records = new MongoStore(store.uri(), database)) {
                drained = awaitRecords(records, calls, Duration.ofSeconds(60));
                for (NewChannelEvent call : calls) {
                    assertAsteriskFactsOnRecord(call, stored(records, call)
                            .orElseThrow());
                }
                assertTheReportsEqualARecompute(records, calls);
            }
            awaitHealth(server, "up", Duration.ofSeconds(20));
        }
        assertThat(Files.readString(Path.of("target", "store-outage-it-server.log")))
                .as("Asterisk 22's hang-ups read without the library's warnings").doesNotContain("Unable to set property 'techcause'");
        System.out.printf("store outage %d s: %d calls, 0 events lost; spool drained %d ms after the store resumed%n",
                OUTAGE.toSeconds(), calls.size(), Duration.between(resumed, drained).toMillis());
    }

    @Test
    void aServerStartedWhileTheStoreIsStoppedAnswersACallAndWritesItOnceTheStoreResumes() throws Exception {
        String database = "outage_start_it_" + System.nanoTime();
        Path log = Path.of("target", "store-outage-it-cold.log").toAbsolutePath();
        Files.deleteIfExists(log);
        store.freeze();
        NewChannelEvent call;
        try {
            Instant launched = Instant.now();
            try (ServerProcess server = ServerProcess.start(asterisk, database, "store-outage-it-cold",
                    Map.of("MONGO_URI", store.uri(), "HOTLINE_DATA_DIR", dir.resolve("server-b").toString()), false)) {
                JsonObject health = awaitHealth(server, "degraded", Duration.ofSeconds(30));
                System.out.printf("started with the store stopped: health answered %d ms after launch%n",
                        Duration.between(launched, Instant.now()).toMillis());
                assertThat(health.getJsonObject("mongo").getString("status")).isEqualTo("down");
                assertThat(health.getJsonObject("mongo").getString("problem")).contains("cannot reach MongoDB (MONGO_URI)");
                assertThat(health.getJsonObject("ami").getString("status")).isEqualTo("up");

                call = ami.callHotline("10000", "<13800138009>");
                NewStateEvent up = awaitUp(call);
                assertThat(Duration.between(TestAmi.at(call), TestAmi.at(up))).isLessThanOrEqualTo(THREE_RINGS);
                Thread.sleep(4_000);
                ami.hangUp(call);
                ami.awaitOn(call.getUniqueId(), e -> e instanceof HangupEvent, Duration.ofSeconds(10));

                store.resume();
                try (MongoStore records = new MongoStore(store.uri(), database)) {
                    awaitRecords(records, List.of(call), Duration.ofSeconds(60));
                    assertAsteriskFactsOnRecord(call, stored(records, call)
                            .orElseThrow());
                }
                awaitHealth(server, "up", Duration.ofSeconds(30));
            }
        } finally {
            store.resume();
        }
        String text = Files.readString(log);
        assertThat(text).containsPattern("cannot reach MongoDB at 127\\.0\\.0\\.1:\\d+ \\(MONGO_URI\\): ");
        assertThat(text).doesNotContain("\tat com.mongodb").doesNotContain("Client view of cluster state");
    }

    @Test
    void aSecondServerOnTheSameStoreRefusesTheFloorWhileTheFirstKeepsRoutingCalls() throws Exception {
        String database = "lease_it_" + System.nanoTime();
        Path first = dir.resolve("server-first");
        try (ServerProcess active = ServerProcess.start(asterisk, database, "store-lease-it-first",
                Map.of("MONGO_URI", store.uri(), "HOTLINE_DATA_DIR", first.toString()), true);
                ServerProcess second = ServerProcess.start(asterisk, database, "store-lease-it-second",
                        Map.of("MONGO_URI", store.uri(), "HOTLINE_DATA_DIR", dir.resolve("server-second").toString()), false)) {
            JsonObject standby = second.healthJson();
            assertThat(standby.getString("status")).isEqualTo("standby");
            JsonObject holder = standby.getJsonObject("lease").getJsonObject("holder");
            assertThat(holder.getString("server")).isEqualTo(Files.readString(first.resolve("server-id")).strip());
            assertThat(holder.getString("since")).isNotBlank();
            assertThat(standby.getJsonObject("lease").getString("problem")).contains("another server runs this store's floor");

            NewChannelEvent call = call("13800138010", Duration.ofSeconds(5));
            assertThat(active.healthJson().getString("status")).isEqualTo("up");
            try (MongoStore records = new MongoStore(store.uri(), database)) {
                awaitRecords(records, List.of(call), Duration.ofSeconds(20));
                Document record = stored(records, call).orElseThrow();
                assertAsteriskFactsOnRecord(call, record);
                assertThat(record.getList("events", Document.class)).extracting(e -> e.getString("type"))
                        .contains("flow-started", "greeting-started");
            }
            assertThat(Files.readString(Path.of("target", "store-lease-it-second.log")))
                    .contains("another server runs the floor of this store");
        }
    }

    /** A call answered by the hotline, the caller hanging up after {@code listening}. */
    private static NewChannelEvent call(String number, Duration listening) throws Exception {
        NewChannelEvent call = ami.callHotline("10000", "<" + number + ">");
        NewStateEvent up = awaitUp(call);
        assertThat(Duration.between(TestAmi.at(call), TestAmi.at(up))).as("answered within three rings").isLessThanOrEqualTo(THREE_RINGS);
        Thread.sleep(listening.toMillis());
        ami.hangUp(call);
        return call;
    }

    private static NewStateEvent awaitUp(NewChannelEvent call) throws InterruptedException {
        return (NewStateEvent) ami.awaitOn(call.getUniqueId(), e -> e instanceof NewStateEvent s
                && Integer.valueOf(6).equals(s.getChannelState()), Duration.ofSeconds(15));
    }

    private static Optional<Document> stored(MongoStore records, NewChannelEvent call) {
        return Optional.ofNullable(records.calls().find(new Document("_id", call.getUniqueId())).first());
    }

    /** Waits until every call's record is complete (ended); when that was. */
    private static Instant awaitRecords(MongoStore records, List<NewChannelEvent> calls, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean all = true;
            for (NewChannelEvent call : calls) {
                Optional<Document> record;
                try {
                    record = stored(records, call);
                } catch (RuntimeException storeNotBackYet) {
                    record = Optional.empty();
                }
                all &= record.map(r -> r.get("endedAt") != null).orElse(false);
            }
            if (all) {
                return Instant.now();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every call's record was complete within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Arrival, answer and hang-up of the call, as Asterisk reported them, each once on its record. */
    private static void assertAsteriskFactsOnRecord(NewChannelEvent call, Document record) throws Exception {
        String id = call.getUniqueId();
        ManagerEvent up = ami.awaitOn(id, e -> e instanceof NewStateEvent s && Integer.valueOf(6).equals(s.getChannelState()),
                Duration.ofSeconds(1));
        ManagerEvent hangup = ami.awaitOn(id, e -> e instanceof HangupEvent, Duration.ofSeconds(10));
        List<Document> events = record.getList("events", Document.class);
        assertThat(events).as("call %s: arrival, answer and hang-up each once", id)
                .filteredOn(e -> List.of("arrived", "answered", "ended").contains(e.getString("type")))
                .extracting(e -> e.getString("type")).containsExactly("arrived", "answered", "ended");
        assertThat(at(events, "arrived")).as("call %s arrived", id).isEqualTo(TestAmi.at(call).truncatedTo(ChronoUnit.MILLIS));
        assertThat(at(events, "answered")).as("call %s answered", id).isEqualTo(TestAmi.at(up).truncatedTo(ChronoUnit.MILLIS));
        assertThat(at(events, "ended")).as("call %s ended", id).isEqualTo(TestAmi.at(hangup).truncatedTo(ChronoUnit.MILLIS));
        assertThat(events).extracting(e -> e.getString("wid")).doesNotHaveDuplicates();
    }

    private static Instant at(List<Document> events, String type) {
        return events.stream().filter(e -> type.equals(e.getString("type"))).findFirst().map(e -> e.getDate("at").toInstant())
                .orElseThrow();
    }

    /** What the rollups kept as the calls finished (and as failed hours were counted again) equals a recompute. */
    private static void assertTheReportsEqualARecompute(MongoStore records, List<NewChannelEvent> calls) throws Exception {
        Instant from = TestAmi.at(calls.getFirst()).truncatedTo(ChronoUnit.HOURS);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        // the server's own report rules and time zone, read from its configuration as it reads them
        Map<String, String> env = new java.util.HashMap<>(asterisk.environment());
        env.put("HOTLINE_HOURS", "00:00-24:00");
        org.hotline.config.HotlineConfig config = org.hotline.config.ConfigLoader.load(
                AsteriskSandbox.home().resolve("config/hotline.yaml"), env, AsteriskSandbox.home());
        HourlyRollups rollups = new HourlyRollups(records, new CallLedger(records.callLedger()), config.reports(),
                config.centre().timeZone(), Clock.systemUTC());
        Map<String, Tally> kept = awaitCounted(rollups, from, to, calls.size());
        rollups.recompute(from, to);
        Map<String, Tally> recomputed = rollups.sum(from, to, Optional.empty(), Optional.empty(), Optional.of("queue"));
        assertThat(kept).isEqualTo(recomputed);
        assertThat(recomputed.values().stream().mapToLong(t -> t.get(org.hotline.report.Measure.CALLS)).sum())
                .isEqualTo(calls.size());
    }

    private static Map<String, Tally> awaitCounted(HourlyRollups rollups, Instant from, Instant to, int calls) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Map<String, Tally> kept = rollups.sum(from, to, Optional.empty(), Optional.empty(), Optional.of("queue"));
            if (kept.values().stream().mapToLong(t -> t.get(org.hotline.report.Measure.CALLS)).sum() >= calls
                    || System.nanoTime() > deadline) {
                return kept;
            }
            Thread.sleep(200);
        }
    }

    private static JsonObject awaitHealth(ServerProcess server, String status, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject health = null;
        while (System.nanoTime() < deadline) {
            try {
                health = server.healthJson();
                if (status.equals(health.getString("status"))) {
                    return health;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health not " + status + " within " + timeout + ": " + health);
    }
}
