package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * After hours a caller on a real phone is leaving a message when the server is killed (SIGKILL):
 * Asterisk goes on recording until the caller hangs up, and the next server makes the message its
 * callback task — once, however often it starts — with the audio Asterisk wrote.
 */
class MessageThroughACrashIT {

    private static final Map<String, String> AFTER_HOURS = Map.of("HOTLINE_HOURS", "closed", "HOTLINE_MESSAGES", "true");

    @Test
    void aMessageLeftWhileTheServerIsKilledBecomesOneCallbackTaskWithPlayableAudio() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "message_through_a_crash_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk)) {
            Path voice = MessagesIT.bursts(asterisk.stateDir().resolve("crash-voice.wav"), 90);
            ServerProcess first = ServerProcess.start(asterisk, database, "message-through-a-crash-first", AFTER_HOURS, true);
            String id;
            NewChannelEvent call;
            try (Softphone customer = Softphone.named("customer-message-crash").account("caller", asterisk.callerPassword())
                    .microphone(voice).start()) {
                customer.awaitRegistered(Duration.ofSeconds(10));
                Instant before = Instant.now();
                customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
                call = (NewChannelEvent) ami.await(e -> e instanceof NewChannelEvent n && n.getChannel() != null
                        && n.getChannel().startsWith("PJSIP/caller-")
                        && n.getDateReceived().toInstant().isAfter(before.minusMillis(5)), Duration.ofSeconds(10));
                id = call.getUniqueId();
                ami.awaitOn(id, e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                        && s.getCommand().contains("RECORD FILE") && s.getCommand().contains("messages/" + id), Duration.ofSeconds(60));
                Thread.sleep(2000);
                first.kill(); // mid-message
                Thread.sleep(3000); // the caller goes on speaking, Asterisk recording
                customer.hangUp();
                ami.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(20));
            } finally {
                first.kill();
            }
            Path file = asterisk.stateDir().resolve("asterisk/data/sounds/messages/" + id + ".wav");
            assertThat(file).as("what Asterisk recorded, the server gone").exists();
            Recording written = Recording.read(file);
            assertThat(written.duration()).isBetween(Duration.ofMillis(3500), Duration.ofMillis(5500));

            ServerProcess second = ServerProcess.start(asterisk, database, "message-through-a-crash-second", AFTER_HOURS, true);
            try {
                List<JsonObject> tasks = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                        .until(() -> openTasks(second, id), open -> !open.isEmpty());
                assertThat(tasks).hasSize(1);
                JsonObject task = tasks.getFirst();
                assertThat(task.getString("number")).as("the caller's number as Asterisk presented it")
                        .isEqualTo(call.getCallerIdNum());
                assertThat(task.getJsonObject("message").getBoolean("audio")).isTrue();
                assertThat(task.getJsonObject("message").getLong("lengthMs")).isCloseTo(written.duration().toMillis(), within(40L));
                HttpResponse<byte[]> played = second.getBytes("/api/callbacks/" + id + "/message");
                assertThat(played.statusCode()).isEqualTo(200);
                assertThat(played.body()).as("the very file Asterisk wrote").isEqualTo(Files.readAllBytes(file));

                JsonObject record = second.getJson("/api/calls/" + id);
                assertThat(record.getJsonObject("callback").getString("status")).isEqualTo("pending");
                assertThat(Duration.between(Instant.parse(record.getJsonObject("callback").getString("requestedAt")),
                        Instant.parse(task.getString("deadline"))))
                        .as("callbacks.withinMinutes: an hour, closed all day (the record keeps milliseconds)")
                        .isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMillis(1));
                assertThat(record.getJsonObject("message").getString("file")).isEqualTo(id + ".wav");
                assertThat(Duration.between(MessagesIT.recordingEnd(ami, id), Instant.parse(record.getJsonObject("message").getString("at")))
                        .abs()).as("the message ended when Asterisk ended the recording, not when a server came back")
                        .isLessThanOrEqualTo(MessagesIT.SAME_MOMENT);
                assertThat(ServerRecords.eventsOfType(record, "callback-requested")).isEqualTo(1);
            } finally {
                second.close();
            }

            // Started again: the task is there, not made twice.
            ServerProcess third = ServerProcess.start(asterisk, database, "message-through-a-crash-third", AFTER_HOURS, true);
            try {
                Thread.sleep(3000);
                assertThat(openTasks(third, id)).hasSize(1);
                assertThat(ServerRecords.eventsOfType(third.getJson("/api/calls/" + id), "callback-requested")).isEqualTo(1);
            } finally {
                third.close();
            }
        }
    }

    private static List<JsonObject> openTasks(ServerProcess server, String id) throws Exception {
        return server.getJson("/api/callbacks").getJsonArray("callbacks").stream().map(JsonObject.class::cast)
                .filter(open -> id.equals(open.getString("call"))).toList();
    }
}
