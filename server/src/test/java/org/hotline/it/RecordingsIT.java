package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recorded call between two real phones, each playing its own tone: Asterisk's file of it holds
 * both, and the silence of the agent's pause for as long as the record says; a supervisor plays it
 * through the API, the agent may not; past its retention it is gone and the record says so.
 */
class RecordingsIT {

    private static final double CUSTOMER_TONE = 500;
    private static final double AGENT_TONE = 1100;
    private static final double COLLEAGUE_TONE = 1700;
    /** Each tone is played at a quarter of full scale: heard means well above the line's noise, unheard well below. */
    private static final double HEARD = 0.03;
    private static final double UNHEARD = 0.01;
    private static final Duration TALK = Duration.ofSeconds(4);
    private static final Duration PAUSE = Duration.ofSeconds(3);

    /** Every queue records with notice; a recording is kept until the next sweep (0 days). */
    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("recordings_it",
            Map.of("HOTLINE_RECORDING", "announce", "HOTLINE_RECORDING_RETENTION_DAYS", "0"));

    @Test
    void aRecordedCallHoldsBothVoicesAndThePauseIsPlayedToSupervisorsOnlyAndGoesAtItsRetention() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        ApiSession lead = hotline.server().userWithRole("rec.lead", "supervisor", "001");
        String password = ApiSession.newPassword();
        hotline.server().createUser("rec.li", "rec.li", "agent", "010", password);
        ApiSession agentSession = hotline.server().anonymous().login("rec.li", password);
        try (Browser desk = Browser.open(hotline.server().baseUrl(), "recordings-desk");
             Softphone agent = hotline.agentPhone("010", "agent-010-rec").autoAnswer()
                     .microphone(Hearing.tone(dir.resolve("rec-agent-tone.wav"), AGENT_TONE)).start();
             Softphone customer = Softphone.named("customer-rec").account("caller", hotline.asterisk().callerPassword())
                     .microphone(Hearing.tone(dir.resolve("rec-customer-tone.wav"), CUSTOMER_TONE)).start()) {
            afterTheLastCall("010");
            hotline.readyWithPhone("010", agent);
            customer.awaitRegistered(Duration.ofSeconds(10));
            desk.logIn("rec.li", password, "desktop.html");

            // Not in a call: nothing to pause.
            assertThat(agentSession.post("/api/agents/010/recording/pause", "").statusCode()).isEqualTo(409);

            String id = callsTheOrdersQueue(customer);
            hotline.ami().awaitOn(id, e -> e instanceof AgiExecStartEvent start && start.getCommand() != null
                    && start.getCommand().contains("/recording-notice"), Duration.ofSeconds(15));
            agent.awaitCallEstablished(Duration.ofSeconds(20));
            Thread.sleep(TALK.toMillis());

            // A colleague may not pause it for the agent.
            ApiSession colleague = hotline.server().userWithRole("rec.wang", "agent", "011");
            assertThat(colleague.post("/api/agents/010/recording/pause", "").statusCode()).isEqualTo(403);
            // On the desktop: pause, then resume (as many agents would, for a card number).
            desk.visible("#recording-pause").click();
            desk.awaitText("#recording-message", "录音已暂停"::equals, Duration.ofSeconds(5));
            Thread.sleep(PAUSE.toMillis());
            desk.visible("#recording-resume").click();
            desk.awaitText("#recording-message", "录音已恢复"::equals, Duration.ofSeconds(5));
            Thread.sleep(TALK.toMillis());
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));
            desk.awaitAttribute("#recording-controls", "hidden", "true", Duration.ofSeconds(10));
            // (the desk's other parts ask for what is not there yet, a screen pop or a wrap-up: 404s of theirs)
            assertThat(desk.consoleErrors()).as("no error of the recording's buttons")
                    .filteredOn(error -> error.contains("recording")).isEmpty();

            hotline.server().awaitFinishedRecord(id);
            JsonObject recording = await().atMost(Duration.ofSeconds(15)).until(() -> hotline.server()
                    .getJson("/api/calls/" + id).getJsonObject("recording"), r -> r != null && r.containsKey("endedAt"));
            assertThat(recording.getString("file")).isEqualTo(id + ".wav");

            // Asterisk's own events say when it recorded, paused and resumed: the record has their times.
            Instant started = asteriskTime("MixMonitorStart", id);
            assertThat(Instant.parse(recording.getString("startedAt"))).isEqualTo(started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            JsonArray steps = recording.getJsonArray("pauses");
            assertThat(steps).hasSize(2);
            assertThat(steps.getJsonObject(0).getString("step")).isEqualTo("paused");
            assertThat(steps.getJsonObject(1).getString("step")).isEqualTo("resumed");
            Instant pausedAt = Instant.parse(steps.getJsonObject(0).getString("at"));
            Instant resumedAt = Instant.parse(steps.getJsonObject(1).getString("at"));
            Duration gap = Duration.between(pausedAt, resumedAt);
            assertThat(gap.toMillis()).as("about as long as the agent paused").isCloseTo(PAUSE.toMillis(), within(700L));

            // The file Asterisk wrote: both tones while they talk, silence for the pause, as long as the record says.
            Path file = dir.resolve("asterisk/data/recordings/" + id + ".wav");
            assertThat(file).exists();
            Recording written = Recording.read(file);
            Duration pauseStart = Duration.between(started, pausedAt);
            Duration pauseEnd = Duration.between(started, resumedAt);
            Duration margin = Duration.ofMillis(400);
            for (double tone : new double[] {CUSTOMER_TONE, AGENT_TONE}) {
                assertThat(written.toneLevel(tone, Duration.ofSeconds(1), pauseStart.minus(margin)))
                        .as("%s Hz before the pause (%s)", tone, written).isGreaterThan(HEARD);
                assertThat(written.toneLevel(tone, pauseStart.plus(margin), pauseEnd.minus(margin)))
                        .as("%s Hz during the pause (%s)", tone, written).isLessThan(UNHEARD);
                assertThat(written.toneLevel(tone, pauseEnd.plus(margin), written.duration().minusSeconds(1)))
                        .as("%s Hz after the pause (%s)", tone, written).isGreaterThan(HEARD);
            }
            Duration silent = longestSilence(written);
            assertThat(silent.toMillis()).as("the silent stretch in the file is the pause on the record")
                    .isCloseTo(gap.toMillis(), within(300L));

            // A supervisor plays it (the very bytes Asterisk wrote, or a part); the agent may not; nobody unknown.
            HttpResponse<byte[]> played = lead.getBytes("/api/calls/" + id + "/recording");
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.headers().firstValue("content-type")).contains("audio/wav");
            assertThat(played.body()).isEqualTo(Files.readAllBytes(file));
            HttpResponse<byte[]> part = lead.getBytes("/api/calls/" + id + "/recording", "Range", "bytes=0-43");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).hasSize(44);
            assertThat(agentSession.getBytes("/api/calls/" + id + "/recording").statusCode()).as("agents may not, as shipped")
                    .isEqualTo(403);
            assertThat(hotline.server().anonymous().getBytes("/api/calls/" + id + "/recording").statusCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hotline.server().admin()
                    .getJson("/api/audit?user=rec.lead").encode()).contains("call.recording.played").contains(id));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hotline.server().admin()
                    .getJson("/api/audit?user=rec.li").encode()).contains("agent.recording.paused", "agent.recording.resumed"));
            assertThat(hotline.server().getJson("/api/health").getJsonObject("recordings").getLong("diskBytes"))
                    .isNotNull();
            assertThat(hotline.server().get("/metrics").body()).contains("hotline_recordings_disk_bytes");

            // Past its retention (0 days: the next sweep) the file goes; the record stays and says so.
            HttpResponse<String> swept = hotline.server().admin().post("/api/recordings/sweep", "");
            assertThat(swept.statusCode()).as(swept.body()).isEqualTo(200);
            assertThat(new JsonObject(swept.body()).getInteger("deleted")).isGreaterThanOrEqualTo(1);
            assertThat(file).doesNotExist();
            JsonObject deleted = await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server()
                    .getJson("/api/calls/" + id).getJsonObject("recording"), r -> r.containsKey("deleted"));
            assertThat(deleted.getJsonObject("deleted").getString("why")).isEqualTo("retention");
            assertThat(deleted.getString("file")).as("the record stays").isEqualTo(id + ".wav");
            assertThat(lead.getBytes("/api/calls/" + id + "/recording").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aTransferredCallGoesOnInTheSameFileWithTheColleaguesVoice() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        try (Softphone first = hotline.agentPhone("010", "agent-010-rec-transfer").autoAnswer()
                     .microphone(Hearing.tone(dir.resolve("rec-agent-tone.wav"), AGENT_TONE)).start();
             Softphone colleague = hotline.agentPhone("011", "agent-011-rec-transfer").autoAnswer()
                     .microphone(Hearing.tone(dir.resolve("rec-colleague-tone.wav"), COLLEAGUE_TONE)).start();
             Softphone customer = Softphone.named("customer-rec-transfer").account("caller", hotline.asterisk().callerPassword())
                     .microphone(Hearing.tone(dir.resolve("rec-customer-tone.wav"), CUSTOMER_TONE)).start()) {
            afterTheLastCall("010");
            hotline.readyWithPhone("010", first);
            customer.awaitRegistered(Duration.ofSeconds(10));
            String id = callsTheOrdersQueue(customer);
            first.awaitCallEstablished(Duration.ofSeconds(20));
            hotline.readyWithPhone("011", colleague);
            Thread.sleep(TALK.toMillis());

            first.transfer("sip:011@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
            first.awaitCallClosed(Duration.ofSeconds(10));
            colleague.awaitCallEstablished(Duration.ofSeconds(15));
            Thread.sleep(TALK.toMillis());
            customer.hangUp();
            colleague.awaitCallClosed(Duration.ofSeconds(10));

            hotline.server().awaitFinishedRecord(id);
            JsonObject recording = await().atMost(Duration.ofSeconds(15)).until(() -> hotline.server()
                    .getJson("/api/calls/" + id).getJsonObject("recording"), r -> r != null && r.containsKey("endedAt"));
            assertThat(recording.getString("file")).isEqualTo(id + ".wav");
            assertThat(hotline.ami().events()).as("told once, not again after the transfer")
                    .filteredOn(e -> e instanceof AgiExecStartEvent start && id.equals(start.getUniqueId())
                            && start.getCommand() != null && start.getCommand().contains("/recording-notice")).hasSize(1);

            // One file: the caller throughout, the first agent before the transfer, the colleague after it.
            Recording written = Recording.read(dir.resolve("asterisk/data/recordings/" + id + ".wav"));
            Duration end = written.duration();
            assertThat(end).as("both conversations (%s)", written).isGreaterThan(TALK.multipliedBy(2).minusSeconds(1));
            Duration firstFrom = Duration.ofMillis(500);
            Duration firstTo = Duration.ofMillis(2500);
            Duration lastFrom = end.minusMillis(2500);
            Duration lastTo = end.minusMillis(500);
            assertThat(written.toneLevel(CUSTOMER_TONE, firstFrom, firstTo)).as("the caller, first (%s)", written).isGreaterThan(HEARD);
            assertThat(written.toneLevel(AGENT_TONE, firstFrom, firstTo)).as("the first agent (%s)", written).isGreaterThan(HEARD);
            assertThat(written.toneLevel(COLLEAGUE_TONE, firstFrom, firstTo)).as("not yet the colleague").isLessThan(UNHEARD);
            assertThat(written.toneLevel(CUSTOMER_TONE, lastFrom, lastTo)).as("the caller, last (%s)", written).isGreaterThan(HEARD);
            assertThat(written.toneLevel(COLLEAGUE_TONE, lastFrom, lastTo)).as("the colleague (%s)", written).isGreaterThan(HEARD);
            assertThat(written.toneLevel(AGENT_TONE, lastFrom, lastTo)).as("no more the first agent").isLessThan(UNHEARD);
        }
    }

    /** The agent's wrap-up after another test's call is over. */
    private static void afterTheLastCall(String agent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !hotline.server().getJson("/api/agents/" + agent)
                .getString("state").equals("wrap-up"));
    }

    /** The customer dials the hotline and, at the menu, presses 1 for orders (agent 010's queue); the call's id. */
    private static String callsTheOrdersQueue(Softphone customer) throws Exception {
        NewChannelEvent call = hotline.ami().callFrom(customer);
        customer.press("1");
        return call.getUniqueId();
    }

    /** Asterisk's time of its event {@code name} on the agent's leg of call {@code id}, from the test's own AMI link. */
    private static Instant asteriskTime(String name, String id) {
        ManagerEvent event = hotline.ami().first(ManagerEvent.class, e -> e.getClass().getSimpleName().equals(name + "Event")
                && id.equals(linkedId(e))).orElseThrow(() -> new AssertionError("no " + name + " for call " + id));
        return TestAmi.at(event);
    }

    private static String linkedId(ManagerEvent event) {
        return event instanceof org.asteriskjava.manager.event.AbstractMixMonitorEvent mix ? mix.getLinkedId() : null;
    }

    /** The longest run of 20 ms frames with both tones far below heard. */
    private static Duration longestSilence(Recording recording) {
        long frames = recording.duration().toMillis() / Recording.FRAME.toMillis();
        int longest = 0;
        int run = 0;
        for (int i = 0; i < frames; i++) {
            Duration from = Recording.FRAME.multipliedBy(i);
            boolean silent = recording.rms(from, from.plus(Recording.FRAME)) < UNHEARD;
            run = silent ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return Recording.FRAME.multipliedBy(longest);
    }
}
