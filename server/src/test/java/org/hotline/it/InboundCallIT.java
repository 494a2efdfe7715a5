package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls into the real Asterisk, answered by the real server, recorded in a MongoDB-compatible store. */
class InboundCallIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("inbound_it");



    @Test
    void aCallIsAnsweredWithinThreeRingsGreetedAndItsMenuChoiceRecorded() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "\"Li Lei\" <13800138000>");
        String id = call.getUniqueId();

        NewStateEvent up = (NewStateEvent) hotline.ami().await(e -> e instanceof NewStateEvent s && id.equals(s.getUniqueId())
                && Integer.valueOf(6).equals(s.getChannelState()), THREE_RINGS.plusSeconds(1));
        assertThat(Duration.between(TestAmi.at(call), TestAmi.at(up))).isLessThanOrEqualTo(THREE_RINGS);

        AgiExecStartEvent greetingStart = (AgiExecStartEvent) awaitCommand(AgiExecStartEvent.class, id, "greeting");
        AgiExecEndEvent greetingEnd = (AgiExecEndEvent) awaitCommand(AgiExecEndEvent.class, id, "greeting");
        awaitCommand(AgiExecStartEvent.class, id, "menu");
        hotline.ami().press(call, '2');
        ManagerEvent hangup = hotline.ami().await(e -> e instanceof HangupEvent h && id.equals(h.getUniqueId()), Duration.ofSeconds(40));

        JsonObject record = hotline.server().awaitFinishedRecord(id);
        assertThat(record.getString("direction")).isEqualTo("inbound");
        assertThat(record.getJsonObject("caller").getString("number")).isEqualTo("13800138000");
        assertThat(record.getJsonObject("caller").getString("name")).isEqualTo("Li Lei");
        assertThat(record.getString("dialled")).isEqualTo("10000");
        assertThat(record.getString("arrivalAt")).isEqualTo(ms(TestAmi.at(call)));
        assertThat(record.getString("answeredAt")).isEqualTo(ms(TestAmi.at(up)));
        assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
        assertThat(record.getJsonObject("answer").getInteger("ring")).isEqualTo(1);
        assertThat(record.getJsonObject("answer").getBoolean("apologyDue")).isFalse();
        assertThat(record.getJsonObject("greeting").getString("startedAt")).isEqualTo(ms(TestAmi.at(greetingStart)));
        assertThat(record.getJsonObject("greeting").getString("endedAt")).isEqualTo(ms(TestAmi.at(greetingEnd)));
        Duration greeting = Duration.between(TestAmi.at(greetingStart), TestAmi.at(greetingEnd));
        assertThat(greeting).as("the whole greeting was played").isBetween(Duration.ofMillis(4800), Duration.ofSeconds(8));
        assertThat(record.getJsonObject("ivr").getString("choice")).isEqualTo("after-sales");
        assertThat(record.getJsonObject("ivr").getString("key")).isEqualTo("2");
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("completed");
        assertThat(record.getString("endedAt")).isEqualTo(ms(TestAmi.at(hangup)));
        assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("hotline");
        assertThat(record.getJsonObject("hangup").getInteger("cause")).isEqualTo(16);
        assertThat(record.getString("language")).isEqualTo("zh");
        assertThat(record.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("type")).toList())
                .containsSubsequence("arrived", "answered", "greeting-started", "greeting-ended", "choice-made",
                        "hangup-requested", "ended")
                .contains("key-pressed");
    }

    @Test
    void aWrongKeyIsAnsweredAndTheCallerCanChooseAgain() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "<1002>");
        String id = call.getUniqueId();
        awaitCommand(AgiExecStartEvent.class, id, "menu");
        hotline.ami().press(call, '7');
        awaitCommand(AgiExecEndEvent.class, id, "invalid");
        hotline.ami().await(e -> e instanceof AgiExecStartEvent s && id.equals(s.getUniqueId()) && s.getCommand().contains("menu")
                && TestAmi.at(s).isAfter(TestAmi.at(hotline.ami().first(AgiExecEndEvent.class,
                        x -> id.equals(x.getUniqueId()) && x.getCommand().contains("invalid")).orElseThrow())),
                Duration.ofSeconds(10));
        hotline.ami().press(call, '1');

        JsonObject record = hotline.server().awaitFinishedRecord(id);
        assertThat(record.getJsonObject("ivr").getInteger("invalidKeys")).isEqualTo(1);
        assertThat(record.getJsonObject("ivr").getString("choice")).isEqualTo("orders");
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("completed");
    }

    @Test
    void aCallerWhoHangsUpDuringTheGreetingIsRecordedAsSuch() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "<1003>");
        String id = call.getUniqueId();
        awaitCommand(AgiExecStartEvent.class, id, "greeting");
        Thread.sleep(500);
        hotline.ami().hangUp(call);

        JsonObject record = hotline.server().awaitFinishedRecord(id);
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("caller-hung-up");
        assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("caller");
        assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
        assertThat(record.containsKey("ivr")).isFalse();
    }

    @Test
    void oddCallerIdsAreStoredAsPlainDataAndTheCallGoesOnNormally() throws Exception {
        record Caller(String presented, String number, String name) {
        }
        List<Caller> callers = List.of(
                new Caller("\"张三\" <+8613800138000>", "+8613800138000", "张三"),
                // Asterisk keeps the escapes of a quoted name given over AMI; the record holds what Asterisk presented
                new Caller("\"O'Brien \\\"Bob\\\"\" <1004>", "1004", "O\\'Brien \\\"Bob\\\""),
                new Caller("\"x\" <1005;drop=1>", null, "x"),
                new Caller(null, null, null));
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<JsonObject>> records = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            Caller caller = callers.get(i);
            String number = "1000" + (i + 1); // each caller dials its own number, so each call is told apart
            records.add(pool.submit((Callable<JsonObject>) () -> {
                NewChannelEvent call = hotline.ami().callHotline(number, caller.presented());
                awaitCommand(AgiExecStartEvent.class, call.getUniqueId(), "menu");
                hotline.ami().press(call, '3');
                return hotline.server().awaitFinishedRecord(call.getUniqueId());
            }));
        }
        for (int i = 0; i < callers.size(); i++) {
            JsonObject record = records.get(i).get();
            Caller caller = callers.get(i);
            JsonObject stored = record.getJsonObject("caller", new JsonObject());
            assertThat(stored.getString("number")).as("number of %s", caller.presented()).isEqualTo(caller.number());
            assertThat(stored.getString("name")).as("name of %s", caller.presented()).isEqualTo(caller.name());
            assertThat(record.getJsonObject("ivr").getString("choice")).isEqualTo("complaints");
            assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("completed");
        }
        pool.shutdown();
    }

    @Test
    void theApiListsTodaysCallsAndReportsHealth() throws Exception {
        assertThat(hotline.server().get("/api/health").statusCode()).isEqualTo(200);
        JsonObject health = hotline.server().getJson("/api/health");
        assertThat(health.getJsonObject("ami").getString("status")).isEqualTo("up");
        assertThat(health.getJsonObject("agi").getString("status")).isEqualTo("up");
        assertThat(health.getJsonObject("mongo").getString("status")).isEqualTo("up");
        assertThat(hotline.server().get("/api/calls?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(hotline.server().getJson("/api/calls?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z").getString("error"))
                .startsWith("from:");
        assertThat(hotline.server().get("/metrics").body()).contains("hotline_agi_answer_overhead_seconds");
    }

    private static ManagerEvent awaitCommand(Class<? extends AgiExecEvent> type, String id, String prompt)
            throws InterruptedException {
        return hotline.ami().await(e -> type.isInstance(e) && id.equals(((AgiExecEvent) e).getUniqueId())
                && ((AgiExecEvent) e).getCommand() != null && ((AgiExecEvent) e).getCommand().contains("/" + prompt),
                Duration.ofSeconds(30));
    }


    private static String ms(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
