package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After hours, a caller on a real phone who does not ask for a callback leaves a message after
 * the tone: Asterisk records it, and it becomes a callback task whose audio the API plays back.
 */
class MessagesIT {

    /** The caller's known voice: 440 Hz bursts, 400 ms on and 200 ms off. */
    private static final int TONE_HZ = 440;
    private static final Duration SPOKEN = Duration.ofSeconds(4);
    /** Asterisk closes the file, then says the command ended: the same moment, to a record's milliseconds and a little. */
    static final Duration SAME_MOMENT = Duration.ofMillis(250);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("messages_it",
            Map.of("HOTLINE_HOURS", "closed", "HOTLINE_MESSAGES", "true"));

    @Test
    void aCallerLeavesAMessageAfterHoursAndItsCallbackTaskCarriesPlayableAudio() throws Exception {
        Path voice = bursts(hotline.asterisk().stateDir().resolve("message-voice.wav"), 90);
        try (Softphone customer = Softphone.named("customer-message").account("caller", hotline.asterisk().callerPassword())
                .microphone(voice).start()) {
            customer.awaitRegistered(Duration.ofSeconds(10));
            Instant before = Instant.now();
            customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
            NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                    && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-")
                    && n.getDateReceived().toInstant().isAfter(before.minusMillis(5)), Duration.ofSeconds(10));
            String id = call.getUniqueId();

            // Told it is after hours, offered a callback (no key pressed), then the message after the tone.
            hotline.ami().awaitOn(id, e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                    && s.getCommand().contains("RECORD FILE") && s.getCommand().contains("messages/" + id), Duration.ofSeconds(60));
            Thread.sleep(SPOKEN.toMillis());
            customer.hangUp();

            JsonObject record = hotline.server().awaitFinishedRecord(id);
            assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("callback-requested");
            assertThat(hotline.ami().first(AgiExecStartEvent.class, s -> id.equals(s.getUniqueId())
                    && s.getCommand() != null && s.getCommand().contains("/message-offer"))).as("asked in words first").isPresent();

            // What Asterisk wrote, read from the disk: the caller's bursts, for as long as they spoke after the tone.
            Path file = hotline.asterisk().stateDir().resolve("asterisk/data/sounds/messages/" + id + ".wav");
            assertThat(file).exists();
            Recording written = Recording.read(file);
            assertThat(written.duration()).isBetween(SPOKEN.minusMillis(1500), SPOKEN.plusMillis(500));
            double voiced = (double) written.voicedDuration(0.02).toMillis() / written.duration().toMillis();
            assertThat(voiced).as("two thirds of the time the caller's tone is heard").isCloseTo(2.0 / 3, within(0.15));
            assertThat(pitch(file)).as("the caller's own 440 Hz").isCloseTo(TONE_HZ, within(25.0));

            // The callback task: the caller's number as Asterisk presented it, due as any callback.
            JsonObject task = await().atMost(Duration.ofSeconds(5)).until(() -> openTask(id), java.util.Objects::nonNull);
            assertThat(task.getString("number")).isEqualTo(call.getCallerIdNum());
            JsonObject kept = record.getJsonObject("callback");
            assertThat(kept.getString("status")).isEqualTo("pending");
            assertThat(Duration.between(Instant.parse(kept.getString("requestedAt")), Instant.parse(task.getString("deadline"))))
                    .as("callbacks.withinMinutes: an hour, closed all day (the record keeps milliseconds)")
                    .isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMillis(1));
            assertThat(task.getJsonObject("message").getBoolean("audio")).isTrue();
            assertThat(task.getJsonObject("message").getLong("lengthMs"))
                    .isCloseTo(written.duration().toMillis(), within(40L));
            assertThat(record.getJsonObject("message").getString("file")).isEqualTo(id + ".wav");
            assertThat(Duration.between(recordingEnd(hotline.ami(), id), Instant.parse(record.getJsonObject("message").getString("at"))).abs())
                    .as("the message ends when Asterisk ended the recording, by its own AGIExecEnd").isLessThanOrEqualTo(SAME_MOMENT);

            // Played through the API: the very file Asterisk recorded, whole or a part of it.
            HttpResponse<byte[]> played = hotline.server().admin().getBytes("/api/callbacks/" + id + "/message");
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.headers().firstValue("content-type")).contains("audio/wav");
            assertThat(played.body()).isEqualTo(Files.readAllBytes(file));
            HttpResponse<byte[]> part = hotline.server().admin().getBytes("/api/callbacks/" + id + "/message", "Range", "bytes=0-43");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).hasSize(44);
            assertThat(new String(part.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            ApiSession agent = hotline.server().userWithRole("message-agent", "agent", "010");
            assertThat(agent.getBytes("/api/callbacks/" + id + "/message").statusCode()).as("agents call back").isEqualTo(200);

            // Nobody else hears it, and nothing but a call id comes near the disk.
            assertThat(hotline.server().anonymous().getBytes("/api/callbacks/" + id + "/message").statusCode()).isEqualTo(401);
            assertThat(hotline.server().admin().getBytes("/api/callbacks/..%2F..%2Fsecrets%2Fami.secret/message").statusCode())
                    .isBetween(400, 404);
            assertThat(hotline.server().admin().getBytes("/api/callbacks/1.0/message").statusCode()).isEqualTo(404);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hotline.server().admin()
                    .getJson("/api/audit?limit=50").encode()).contains("callback.message.played").contains(id));

            // On the wall board and on an agent's desktop, in a real browser: the task plays, as long as recorded.
            String password = ApiSession.newPassword();
            hotline.server().createUser("message-lead", "message-lead", "supervisor", null, password);
            hotline.server().createUser("message-li", "message-li", "agent", "011", password);
            assertPlays(Browser.open(hotline.server().baseUrl(), "messages-board").logIn("message-lead", password, "wallboard.html"),
                    "#messages tbody tr[data-call='" + id + "'] audio", written.duration());
            assertPlays(Browser.open(hotline.server().baseUrl(), "messages-desk").logIn("message-li", password, "desktop.html"),
                    "#callback-list tbody tr[data-call='" + id + "'] audio", written.duration());
        }
    }

    @Test
    void aCallerWhoHangsUpAtTheToneIsStillCalledBackMarkedWithoutAudio() throws Exception {
        NewChannelEvent call = hotline.ami().callHotline("10000", "<13600136077>");
        String id = call.getUniqueId();
        hotline.ami().awaitOn(id, e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("RECORD FILE") && s.getCommand().contains("messages/" + id), Duration.ofSeconds(60));
        hotline.ami().hangUp(call);

        JsonObject record = hotline.server().awaitFinishedRecord(id);
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("callback-requested");
        assertThat(record.getJsonObject("message").containsKey("file")).as("nothing to hear").isFalse();
        JsonObject task = await().atMost(Duration.ofSeconds(5)).until(() -> openTask(id), java.util.Objects::nonNull);
        assertThat(task.getString("number")).isEqualTo("13600136077");
        assertThat(task.getJsonObject("message").getBoolean("audio")).isFalse();
        assertThat(hotline.asterisk().stateDir().resolve("asterisk/data/sounds/messages/" + id + ".wav"))
                .as("an empty recording is not kept").doesNotExist();
        assertThat(hotline.server().admin().getBytes("/api/callbacks/" + id + "/message").statusCode()).isEqualTo(404);
    }

    /** When Asterisk ended the recording of {@code id}'s message, by its own AGIExecEnd event of RECORD FILE. */
    static Instant recordingEnd(TestAmi ami, String id) throws Exception {
        return TestAmi.at(ami.awaitOn(id, e -> e instanceof AgiExecEndEvent end && end.getCommand() != null
                && end.getCommand().contains("RECORD FILE"), Duration.ofSeconds(10)));
    }

    /** The page's player for the task loads the message and finds it {@code length} long; no script error on the page. */
    private static void assertPlays(Browser page, String player, Duration length) {
        List<Browser> opened = new java.util.ArrayList<>(List.of(page));
        try {
            page.find(player);
            page.script("const a = document.querySelector(arguments[0]); a.preload = 'auto'; a.load();", player);
            Object seconds = await().atMost(Duration.ofSeconds(10)).until(() -> page.script(
                    "const a = document.querySelector(arguments[0]); return a.readyState >= 1 ? a.duration : null;", player),
                    java.util.Objects::nonNull);
            assertThat(((Number) seconds).doubleValue()).isCloseTo(length.toMillis() / 1000.0, within(0.1));
        } finally {
            Browser.closeAll(opened);
        }
    }

    private static JsonObject openTask(String id) throws Exception {
        return hotline.server().getJson("/api/callbacks").getJsonArray("callbacks").stream().map(JsonObject.class::cast)
                .filter(open -> id.equals(open.getString("call"))).findFirst().orElse(null);
    }

    /** The tone's frequency in the loud parts: sign changes per second, over two. */
    private static double pitch(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] pcm = in.readAllBytes();
            int rate = (int) in.getFormat().getSampleRate();
            long crossings = 0;
            long loudSamples = 0;
            short previous = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                short sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                if (Math.abs(sample) > 500 || Math.abs(previous) > 500) {
                    loudSamples++;
                    if ((sample < 0) != (previous < 0)) {
                        crossings++;
                    }
                }
                previous = sample;
            }
            return loudSamples == 0 ? 0 : crossings * (double) rate / loudSamples / 2;
        }
    }

    /** The caller's voice: {@value #TONE_HZ} Hz bursts, 400 ms on and 200 ms off, {@code seconds} long. */
    static Path bursts(Path file, int seconds) throws Exception {
        int rate = 8000;
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < rate * seconds; i++) {
            boolean on = (i % (rate * 6 / 10)) < rate * 4 / 10;
            short sample = on ? (short) (Math.sin(2 * Math.PI * TONE_HZ * i / rate) * 8000) : 0;
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(rate, 16, 1, true, false),
                rate * seconds), AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
