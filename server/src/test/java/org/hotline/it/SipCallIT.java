package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer on a real SIP softphone (baresip) calling the hotline: registration with the generated
 * password, a real INVITE, real RTP both ways, RFC 4733 keypad tones, and what the customer
 * actually heard, recorded at the phone.
 */
class SipCallIT {

    private static final String HOTLINE = "sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT;
    private static final Duration THREE_RINGS = Duration.ofSeconds(9);

    // The Mandarin prompts in ivr-prompts/zh/, as the caller hears them in turn.
    private static final Recording GREETING = prompt("greeting"); // 5.41 s, names the company first
    private static final Recording MENU = prompt("menu"); // 7.45 s
    private static final Recording CHOICE_RECORDED = prompt("choice-recorded"); // 1.92 s
    private static final Recording CLOSING = prompt("closing"); // 5.56 s

    /**
     * A 20 ms frame louder than -40 dBFS counts as voice: G.711 silence decodes to about -84 dBFS,
     * the prompts' speech is around -22 dBFS, and a quiet talker on a phone line is still above -35.
     */
    private static final double VOICE = 0.01;

    /** Start times may shift by a few packets (the phone's first ones, Asterisk's file reads). */
    private static final Duration SLACK = Duration.ofMillis(500);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("sip_it");



    @Test
    void aCustomerCallingFromARealSipSoftphoneHearsTheGreetingThatNamesTheCompany() throws Exception {
        try (Softphone phone = Softphone.named("customer")
                .account("caller", hotline.asterisk().callerPassword())
                .recordWhatItHears()
                .start()) {
            try {
                phone.awaitRegistered(Duration.ofSeconds(10));
                assertThat(hotline.asterisk().cli("pjsip show aor caller")).as("Asterisk's contact for caller")
                        .contains("@127.0.0.1:" + phone.sipPort());

                Instant dialled = Instant.now();
                phone.dial(HOTLINE);
                NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                        && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-")
                        && n.getDateReceived().toInstant().isAfter(dialled.minusMillis(5)), Duration.ofSeconds(10));
                String id = call.getUniqueId();
                phone.awaitCallEstablished(THREE_RINGS.plusSeconds(3));

                // The customer listens to the whole greeting and menu, then presses 1 while the hotline waits for a key.
                hotline.ami().await(e -> e instanceof AgiExecStartEvent s && id.equals(s.getUniqueId()) && s.getCommand() != null
                        && s.getCommand().startsWith("WAIT FOR DIGIT"), Duration.ofSeconds(30));
                phone.press("1");

                phone.awaitCallClosed(Duration.ofSeconds(30));
                hotline.ami().await(e -> e instanceof HangupEvent h && id.equals(h.getUniqueId()), Duration.ofSeconds(5));

                JsonObject record = hotline.server().awaitFinishedRecord(id);
                assertThat(record.getJsonObject("answer").getBoolean("withinRule")).isTrue();
                JsonObject greeting = record.getJsonObject("greeting");
                assertThat(Duration.between(Instant.parse(greeting.getString("startedAt")),
                        Instant.parse(greeting.getString("endedAt"))))
                        .as("greeting played for its 5.41 s").isBetween(Duration.ofMillis(5200), Duration.ofMillis(6500));
                assertThat(record.getJsonObject("ivr").getString("key")).isEqualTo("1");
                assertThat(record.getJsonObject("ivr").getString("choice")).isEqualTo("orders");
                assertThat(record.getJsonObject("flow").getString("outcome")).isEqualTo("completed");
                assertThat(record.getJsonObject("hangup").getString("side")).isEqualTo("hotline");

                Recording heard = phone.lastRecording();
                Duration greetingEnd = GREETING.duration();
                Duration menuEnd = greetingEnd.plus(MENU.duration());
                Duration closingStart = menuEnd.plus(CHOICE_RECORDED.duration());
                assertThat(heard.duration()).as("%s: the greeting, menu, confirmation and closing", heard)
                        .isBetween(closingStart.plus(CLOSING.duration()).minus(SLACK),
                                closingStart.plus(CLOSING.duration()).plus(SLACK));
                assertThat(heard.voicedDuration(VOICE, Duration.ZERO, Duration.ofSeconds(7)))
                        .as("%s: speech in the first 7 s after the answer", heard)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
                double silence = heard.noiseFloor();
                assertThat(silence).as("%s: the line between words", heard).isLessThan(VOICE);
                assertThat(heard.rms(Duration.ZERO, greetingEnd)).as("%s: the greeting, at least 26 dB above silence", heard)
                        .isGreaterThan(20 * Math.max(silence, 0.001));

                assertThat(heard.likeness(GREETING, Duration.ZERO, SLACK)).as("%s starts with the greeting", heard)
                        .isGreaterThan(0.9);
                assertThat(heard.likeness(MENU, greetingEnd, SLACK)).as("%s: then the menu", heard).isGreaterThan(0.9);
                assertThat(heard.likeness(CLOSING, closingStart, SLACK)).as("%s: and ends with the closing", heard)
                        .isGreaterThan(0.9);
                assertThat(heard.likeness(MENU, Duration.ZERO, SLACK)).as("%s: not the menu first", heard).isLessThan(0.5);
            } catch (AssertionError | RuntimeException e) {
                throw phone.failure(e.getMessage(), e);
            }
        }
    }

    @Test
    void aPhoneWithoutTheGeneratedPasswordCanNeitherRegisterNorCall() throws Exception {
        try (Softphone intruder = Softphone.named("intruder").account("caller", "guessed-password").start()) {
            try {
                assertThat(intruder.awaitRegistrationRejected(Duration.ofSeconds(10))).isEqualTo("401 Unauthorized");
                assertThat(hotline.asterisk().cli("pjsip show aor caller")).as("Asterisk's contacts for caller")
                        .doesNotContain("@127.0.0.1:" + intruder.sipPort());

                Instant dialled = Instant.now();
                intruder.dial(HOTLINE);
                assertThat(intruder.awaitCallClosed(Duration.ofSeconds(10))).contains("401 Unauthorized");
                assertThat(hotline.ami().first(NewChannelEvent.class, n -> n.getChannel() != null
                        && n.getChannel().startsWith("PJSIP/caller-")
                        && n.getDateReceived().toInstant().isAfter(dialled.minusMillis(5))))
                        .as("a channel for the refused call").isEmpty();
            } catch (AssertionError | RuntimeException e) {
                throw intruder.failure(e.getMessage(), e);
            }
        }
    }


    private static Recording prompt(String name) {
        return Recording.read(AsteriskSandbox.home().resolve("ivr-prompts/zh/" + name + ".wav"));
    }
}
