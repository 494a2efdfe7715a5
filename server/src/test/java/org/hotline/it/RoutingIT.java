package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls reach agents on real softphones: the caller's menu choice picks the queue, the
 * distributor picks the agent, Asterisk rings their phone at most three rings.
 * Agents come from config/agents.yaml: 010 (orders 3), 011 (after-sales 5), 001 (after-sales 2).
 */
class RoutingIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("routing_it");



    @Test
    void aCustomerPressesOneAndTalksToTheOrdersAgentWhoHearsThem() throws Exception {
        Path voice = tone(hotline.asterisk().stateDir().resolve("customer-voice.wav"), 60);
        try (Softphone agent = hotline.agentPhone("010", "agent-010-routing").autoAnswer().recordWhatItHears().start();
             Softphone customer = Softphone.named("customer-routing").account("caller", hotline.asterisk().callerPassword())
                     .microphone(voice).start()) {
            hotline.readyWithPhone("010", agent);
            customer.awaitRegistered(Duration.ofSeconds(10));

            NewChannelEvent call = hotline.ami().callFrom(customer);
            customer.press("1");

            agent.awaitCallEstablished(Duration.ofSeconds(15));
            // Asterisk's answer event reaches the server a moment after the phone says the call is up.
            await().atMost(Duration.ofSeconds(2)).until(() ->
                    hotline.server().getJson("/api/agents/010").getString("state").equals("on-call"));
            Thread.sleep(3000);
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            assertThat(record.getJsonObject("queue").getString("name")).isEqualTo("orders");
            assertThat(record.getJsonObject("agent").getString("id")).isEqualTo("010");
            JsonArray offers = record.getJsonArray("offers");
            assertThat(offers).hasSize(1);
            assertThat(offers.getJsonObject(0).getString("outcome")).isEqualTo("answered");
            assertThat(Instant.parse(record.getJsonObject("agent").getString("answeredAt")))
                    .isAfter(Instant.parse(record.getJsonObject("queue").getString("enqueuedAt")));
            assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("caller");

            Recording heard = agent.lastRecording();
            assertThat(heard.voicedDuration(0.01)).as("the agent heard the customer").isGreaterThan(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("wrap-up", "ready")
                    .contains(hotline.server().getJson("/api/agents/010").getString("state")));
            // Wrap-up (10 s) over: the agent is ready again, and the call's record says when.
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    hotline.server().getJson("/api/calls/" + call.getUniqueId()).containsKey("wrapUp"));
            JsonObject wrapUp = hotline.server().getJson("/api/calls/" + call.getUniqueId()).getJsonObject("wrapUp");
            assertThat(wrapUp.getString("agent")).isEqualTo("010");
            assertThat(Instant.parse(wrapUp.getString("endedAt"))).isAfter(Instant.parse(record.getString("endedAt")));
            assertThat(hotline.server().getJson("/api/agents/010").getString("state")).isEqualTo("ready");

            // The reports count the finished call in its hour, queue and agent.
            Instant hour = Instant.parse(record.getString("arrivalAt")).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            JsonObject report = hotline.server().getJson("/api/reports?from=" + hour + "&to=" + hour.plusSeconds(3600)
                    + "&queue=orders&agent=010");
            assertThat(report.getJsonObject("figures").getLong("calls")).isEqualTo(1);
            assertThat(report.getJsonObject("figures").getLong("agentAnswered")).isEqualTo(1);
            assertThat(report.getJsonObject("figures").getJsonObject("threeRingAnswer").getDouble("value")).isEqualTo(1.0);
        }
    }

    @Test
    void anAgentsRingAnswerAndConversationAreTimedByAsterisksOwnEventsOfTheirLeg() throws Exception {
        try (Softphone agent = hotline.agentPhone("001", "agent-001-timed").neverAnswer().start()) {
            hotline.readyWithPhone("001", agent);

            // The agent lets it ring 2.5 s, answers, talks 2 s and hangs up first: the caller is asked for a rating.
            NewChannelEvent answered = hotline.ami().callHotline("10000", "<13900139011>");
            hotline.ami().joinQueue(answered, '2');
            agent.awaitIncomingCall(Duration.ofSeconds(15));
            Thread.sleep(2500);
            agent.answer();
            agent.awaitCallEstablished(Duration.ofSeconds(5));
            Thread.sleep(2000);
            agent.hangUp();
            hotline.ami().awaitCommand(answered, "/survey", Duration.ofSeconds(10));
            hotline.ami().hangUp(answered);

            String id = answered.getUniqueId();
            DialBeginEvent ringStart = (DialBeginEvent) hotline.ami().awaitOn(id, DialBeginEvent.class::isInstance, Duration.ofSeconds(5));
            DialEndEvent ringEnd = (DialEndEvent) hotline.ami().awaitOn(id, DialEndEvent.class::isInstance, Duration.ofSeconds(5));
            BridgeEnterEvent talkStart = (BridgeEnterEvent) hotline.ami().awaitOn(id, BridgeEnterEvent.class::isInstance, Duration.ofSeconds(5));
            BridgeLeaveEvent talkEnd = (BridgeLeaveEvent) hotline.ami().awaitOn(id, BridgeLeaveEvent.class::isInstance, Duration.ofSeconds(5));
            assertThat(ringEnd.getDialStatus()).isEqualTo("ANSWER");

            JsonObject record = hotline.server().awaitFinishedRecord(id);
            JsonObject offer = record.getJsonArray("offers").getJsonObject(0);
            assertThat(offer.getString("outcome")).isEqualTo("answered");
            assertWithin50ms(offer.getString("ringStartedAt"), TestAmi.at(ringStart));
            assertWithin50ms(offer.getString("ringEndedAt"), TestAmi.at(ringEnd));
            assertWithin50ms(record.getJsonObject("agent").getString("answeredAt"), TestAmi.at(ringEnd));
            JsonObject conversation = record.getJsonObject("conversation");
            assertWithin50ms(conversation.getString("startedAt"), TestAmi.at(talkStart));
            assertWithin50ms(conversation.getString("endedAt"), TestAmi.at(talkEnd));
            assertThat(conversation.getString("endedBy")).isEqualTo("agent");
            assertThat(record.getJsonObject("survey").getString("offeredAt")).isNotNull();

            // Wrap-up over (10 s from the conversation's end by Asterisk's clock), then a caller hangs up
            // 1.5 s into the agent's ring: an abandon, at the moment they hung up; the agent is not paused.
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    hotline.server().getJson("/api/agents/001").getString("state").equals("ready"));
            JsonObject wrapUp = hotline.server().getJson("/api/calls/" + id).getJsonObject("wrapUp");
            // The wrap-up starts when the conversation ends by Asterisk's clock: the bridge's two
            // BridgeLeave events (caller's, agent's) lie microseconds apart, hence the 1 ms below.
            assertThat(Duration.between(TestAmi.at(talkEnd), Instant.parse(wrapUp.getString("endedAt"))))
                    .isBetween(Duration.ofMillis(9_999), Duration.ofMillis(10_100));
            agent.forgetPastCalls();
            NewChannelEvent gaveUp = hotline.ami().callHotline("10000", "<13900139012>");
            hotline.ami().joinQueue(gaveUp, '2');
            agent.awaitIncomingCall(Duration.ofSeconds(15));
            Thread.sleep(1500);
            hotline.ami().hangUp(gaveUp);

            HangupRequestEvent hungUp = (HangupRequestEvent) hotline.ami().await(e -> e instanceof HangupRequestEvent h
                    && gaveUp.getUniqueId().equals(h.getUniqueId()), Duration.ofSeconds(5));
            JsonObject abandoned = hotline.server().awaitFinishedRecord(gaveUp.getUniqueId());
            assertThat(abandoned.getJsonArray("offers").getJsonObject(0).getString("outcome")).isEqualTo("caller-abandoned");
            assertWithin50ms(abandoned.getJsonObject("queue").getString("abandonedAt"), TestAmi.at(hungUp));
            assertThat(abandoned.getJsonObject("queue").getInteger("abandonedPosition")).isEqualTo(1);
            assertThat(abandoned.getJsonObject("queue").getBoolean("abandonedDuringRing")).isTrue();
            assertThat(hotline.server().getJson("/api/agents/001").getString("state")).isEqualTo("ready");

            // The agent's three-ring figure counts the ring they answered (2.5 s), not the one the caller cut short.
            Instant hour = Instant.parse(record.getString("arrivalAt")).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonObject figures = hotline.server().getJson("/api/reports?from=" + hour + "&to=" + hour.plusSeconds(7200)
                        + "&agent=001").getJsonObject("figures");
                JsonObject rings = figures.getJsonObject("agentThreeRingAnswer");
                assertThat(rings.getLong("whole")).isPositive();
                assertThat(rings.getLong("part")).as("every ring of 001's was answered within three rings").isEqualTo(rings.getLong("whole"));
                assertThat(figures.getLong("ringNoAnswer")).isZero();
            });
        } finally {
            hotline.server().put("/api/agents/001/state", "{\"state\":\"logged-out\"}");
        }
    }

    private static void assertWithin50ms(String recorded, Instant asterisk) {
        assertThat(recorded).as("recorded time for Asterisk's %s", asterisk).isNotNull();
        assertThat(Duration.between(asterisk, Instant.parse(recorded)).abs())
                .as("%s against Asterisk's %s", recorded, asterisk).isLessThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void anAgentWhoDoesNotAnswerWithinThreeRingsIsPausedAndTheCallMovesOnKeepingItsPlace() throws Exception {
        try (Softphone expert = hotline.agentPhone("011", "agent-011-routing").neverAnswer().start();
             Softphone colleague = hotline.agentPhone("001", "agent-001-routing").autoAnswer().start()) {
            hotline.readyWithPhone("011", expert);
            hotline.readyWithPhone("001", colleague);

            NewChannelEvent call = hotline.ami().callHotline("10000", "<13900139000>");
            hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                    && s.getCommand().contains("/menu"), Duration.ofSeconds(15));
            hotline.ami().press(call, '2');

            colleague.awaitCallEstablished(Duration.ofSeconds(25));
            JsonObject expertNow = hotline.server().getJson("/api/agents/011");
            assertThat(expertNow.getString("state")).isEqualTo("paused");
            assertThat(expertNow.getString("pauseReason")).isEqualTo("ring-no-answer");
            hotline.ami().hangUp(call);

            JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            JsonArray offers = record.getJsonArray("offers");
            assertThat(offers).hasSize(2);
            assertThat(offers.getJsonObject(0).getString("agent")).isEqualTo("011");
            assertThat(offers.getJsonObject(0).getString("outcome")).isEqualTo("no-answer");
            Duration rang = Duration.between(Instant.parse(offers.getJsonObject(0).getString("ringStartedAt")),
                    Instant.parse(offers.getJsonObject(0).getString("ringEndedAt")));
            assertThat(rang).as("three rings of 3 s").isBetween(Duration.ofSeconds(8), Duration.ofSeconds(11));
            assertThat(offers.getJsonObject(1).getString("agent")).isEqualTo("001");
            assertThat(offers.getJsonObject(1).getString("outcome")).isEqualTo("answered");
        }
    }

    @Test
    void aSoftphoneThatVanishesWhileRingingCostsTheCallerNoMoreThanThreeRingsAndTheCallMovesOn() throws Exception {
        try (Softphone expert = hotline.agentPhone("011", "agent-011-vanishing").neverAnswer().start();
             Softphone colleague = hotline.agentPhone("001", "agent-001-vanishing").autoAnswer().start()) {
            hotline.readyWithPhone("011", expert);
            hotline.readyWithPhone("001", colleague);

            NewChannelEvent call = hotline.ami().callHotline("10000", "<13800139003>");
            hotline.ami().awaitCommand(call, "/menu", Duration.ofSeconds(15));
            hotline.ami().press(call, '2');
            expert.awaitIncomingCall(Duration.ofSeconds(15));
            expert.vanish();

            colleague.awaitCallEstablished(Duration.ofSeconds(20));
            JsonObject expertNow = hotline.server().getJson("/api/agents/011");
            assertThat(expertNow.getString("state")).isEqualTo("paused");
            assertThat(expertNow.getString("pauseReason")).isEqualTo("ring-no-answer");
            hotline.ami().hangUp(call);

            JsonArray offers = hotline.server().awaitFinishedRecord(call.getUniqueId()).getJsonArray("offers");
            assertThat(offers).hasSize(2);
            Duration rang = Duration.between(Instant.parse(offers.getJsonObject(0).getString("ringStartedAt")),
                    Instant.parse(offers.getJsonObject(0).getString("ringEndedAt")));
            assertThat(rang).as("the vanished phone rang out within three rings").isLessThan(Duration.ofSeconds(11));
            assertThat(offers.getJsonObject(1).getString("agent")).isEqualTo("001");
            assertThat(offers.getJsonObject(1).getString("outcome")).isEqualTo("answered");
        } finally {
            // Asterisk still holds the vanished phone's registration (kept across restarts): a phone
            // registering as 011 replaces it, and quitting removes it, so later tests start clean.
            try (Softphone replacement = hotline.agentPhone("011", "agent-011-replacement").start()) {
                replacement.awaitRegistered(Duration.ofSeconds(10));
            }
            hotline.server().put("/api/agents/011/state", "{\"state\":\"logged-out\"}");
        }
    }

    @Test
    void aCallerKeptWaitingHearsAnApologyAfterFiveRingsAndHangingUpIsRecordedAsAnAbandon() throws Exception {
        // Complaints are staffed (agents logged in) but nobody is free.
        for (String id : List.of("011", "001")) {
            hotline.server().put("/api/agents/" + id + "/state", "{\"state\":\"ready\"}");
            assertThat(hotline.server().put("/api/agents/" + id + "/state", "{\"state\":\"paused\",\"reason\":\"admin\"}")
                    .statusCode()).isEqualTo(200);
        }
        NewChannelEvent call = hotline.ami().callHotline("10000", "<13700137000>");
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("/menu"), Duration.ofSeconds(15));
        hotline.ami().press(call, '3');
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().startsWith("SET MUSIC ON"), Duration.ofSeconds(10));
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("/apology"), Duration.ofSeconds(20));
        Thread.sleep(3000);
        hotline.ami().hangUp(call);

        JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
        JsonObject queue = record.getJsonObject("queue");
        assertThat(queue.getString("name")).isEqualTo("complaints");
        assertThat(queue.getInteger("abandonedPosition")).isEqualTo(1);
        Instant enqueued = Instant.parse(queue.getString("enqueuedAt"));
        assertThat(Duration.between(enqueued, Instant.parse(record.getString("apologyPlayedAt"))))
                .as("the apology comes once the caller has waited five rings (15 s) for a person")
                .isBetween(Duration.ofSeconds(15), Duration.ofSeconds(17));
        assertThat(Duration.between(enqueued, Instant.parse(queue.getString("abandonedAt"))))
                .isBetween(Duration.ofSeconds(17), Duration.ofSeconds(22));
        assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("caller-hung-up");
        assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("caller");
        assertThat(record.containsKey("offers")).isFalse();
    }



    /** A steady 440 Hz tone as the customer's voice, 8 kHz mono 16-bit. */
    static Path tone(Path file, int seconds) throws Exception {
        int rate = 8000;
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < rate * seconds; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, rate * seconds),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
