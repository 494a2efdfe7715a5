package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desktop is the agent's phone: in a real Chromium whose microphone plays a tone, agent 010 chooses
 * the browser phone, which registers with Asterisk over its secure WebSocket; a baresip customer calls,
 * the call rings the browser phone with the screen pop, the agent answers on the page, and each side
 * hears the other's tone (the customer's recording; the page's own analyser of what it receives). Muted,
 * the customer hears silence; held, music. The answer-to-two-way-audio time and the ICE gathering time
 * are measured over a few calls.
 */
class BrowserPhoneIT {

    private static final double CUSTOMER_TONE = 500;
    private static final double BROWSER_TONE = 1100;
    /** The browser's own voice processing (noise suppression, gain control) softens a steady tone: heard is above 0.015. */
    private static final double HEARD = 0.015;
    private static final double UNHEARD = 0.005;
    private static final Duration PHASE = Duration.ofSeconds(4);
    private static final int CALLS = 3;

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("browser_phone_it");

    @Test
    void theAgentAnswersOnTheDesktopAndEachSideHearsTheOtherMutedSilenceHeldMusic() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        String password = ApiSession.newPassword();
        hotline.server().createUser("li.ming.web", "Li Ming", "agent", "010", password);
        List<Long> answerToTwoWay = new ArrayList<>();
        List<Long> iceGathering = new ArrayList<>();
        try (Softphone customer = Softphone.named("customer-browser").account("caller", hotline.asterisk().callerPassword())
                .recordWhatItHears().microphone(Recording.tone(dir.resolve("customer-500.wav"), CUSTOMER_TONE, 8000)).start();
             Browser desk = Browser.withMicrophone(hotline.server().baseUrl(), "browser-phone",
                     Recording.tone(dir.resolve("browser-1100.wav"), BROWSER_TONE, 48000))) {
            afterTheLastCall();
            choosesTheBrowserPhone(desk.logIn("li.ming.web", password, "desktop.html"), "010");
            assertThat(desk.all("#phone-mic option")).as("the microphones to choose from").isNotEmpty();
            desk.click("#phone-test");
            await().atMost(Duration.ofSeconds(4)).until(() -> ((Number) desk.script("return document.querySelector('#phone-level').value;"))
                    .doubleValue() > 0.1);
            ready();
            customer.awaitRegistered(Duration.ofSeconds(10));

            // The first call: every control.
            Instant dialled = Instant.now();
            NewChannelEvent call = callsTheOrdersQueue(customer);
            desk.awaitAttribute("#phone-status", "data-status", "ringing", Duration.ofSeconds(15));
            desk.visible("#pop-body");
            assertThat(hotline.ami().events().stream().anyMatch(e -> e instanceof DialBeginEvent d && d.getDestChannel() != null
                    && d.getDestChannel().startsWith("PJSIP/agent-010-web-") && TestAmi.at(e).isAfter(dialled)))
                    .as("Asterisk rang the browser phone").isTrue();
            desk.click("#phone-answer");
            desk.awaitAttribute("#phone-status", "data-status", "talking", Duration.ofSeconds(10));
            figures(desk, answerToTwoWay, iceGathering);

            Phase talk = phase(Duration.ofSeconds(1));
            Map<String, Object> heard = figuresOf(desk);
            assertThat(((Number) heard.get("heardLevel")).doubleValue()).as("the page hears the customer").isGreaterThan(0.01);
            assertThat(((Number) heard.get("heardHz")).doubleValue()).as("the customer's tone, heard on the page")
                    .isBetween(CUSTOMER_TONE - 25, CUSTOMER_TONE + 25);

            desk.click("#phone-mute");
            Phase muted = phase(Duration.ofMillis(700));
            desk.click("#phone-mute");

            desk.click("#phone-hold");
            desk.awaitAttribute("#phone-status", "data-status", "held", Duration.ofSeconds(10));
            Phase held = phase(Duration.ofSeconds(1));
            desk.click("#phone-hold");
            desk.awaitAttribute("#phone-status", "data-status", "talking", Duration.ofSeconds(10));
            Phase again = phase(Duration.ofSeconds(1));

            // A key pressed on the page reaches Asterisk as RFC 4733 DTMF from the browser phone's channel.
            Instant pressed = Instant.now();
            desk.click("#phone-keys button[data-key='5']");
            hotline.ami().await(e -> e instanceof org.asteriskjava.manager.event.DtmfEndEvent d && "5".equals(String.valueOf(d.getDigit()))
                    && d.getChannel() != null && d.getChannel().startsWith("PJSIP/agent-010-web-") && TestAmi.at(e).isAfter(pressed),
                    Duration.ofSeconds(5));

            // Hung up on the page: the agent's leg ends (the customer goes on to the survey).
            desk.click("#phone-hangup");
            desk.awaitAttribute("#phone-status", "data-status", "registered", Duration.ofSeconds(10));
            hotline.ami().await(e -> e instanceof org.asteriskjava.manager.event.HangupEvent h && h.getChannel() != null
                    && h.getChannel().startsWith("PJSIP/agent-010-web-"), Duration.ofSeconds(10));
            customer.hangUp();
            customer.awaitCallClosed(Duration.ofSeconds(10));
            Thread.sleep(1000); // the recording is closed with its call

            Heard byCustomer = Heard.by(customer);
            for (Phase phase : List.of(talk, muted, held, again)) {
                System.out.printf("customer hears %.4f at %s Hz, loudness %.4f%n", byCustomer.recording().toneLevel(BROWSER_TONE,
                        byCustomer.offset(phase.from()), byCustomer.offset(phase.to())), BROWSER_TONE, byCustomer.loudness(phase));
            }
            byCustomer.assertHeard(talk, BROWSER_TONE);
            byCustomer.assertNotHeard(muted, BROWSER_TONE);
            assertThat(byCustomer.loudness(muted)).as("muted: silence (%s)", byCustomer.recording()).isLessThan(0.002);
            byCustomer.assertNotHeard(held, BROWSER_TONE);
            assertThat(byCustomer.loudness(held)).as("music on hold, not silence (%s)", byCustomer.recording()).isGreaterThan(0.005);
            byCustomer.assertHeard(again, BROWSER_TONE);
            // The record names the agent, whichever phone they answered on.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hotline.server().getJson("/api/calls/" + call.getUniqueId())
                    .getJsonObject("agent").getString("id")).isEqualTo("010"));

            // A few more calls for the figures.
            for (int i = 1; i < CALLS; i++) {
                afterTheLastCall();
                customer.forgetPastCalls();
                callsTheOrdersQueue(customer);
                desk.awaitAttribute("#phone-status", "data-status", "ringing", Duration.ofSeconds(15));
                desk.click("#phone-answer");
                figures(desk, answerToTwoWay, iceGathering);
                customer.hangUp();
                desk.awaitAttribute("#phone-status", "data-status", "registered", Duration.ofSeconds(10));
            }
            System.out.printf("browser phone (Chromium, %d calls): answer click -> two-way audio %s ms (median %d); "
                            + "ICE gathering %s ms (median %d)%n", CALLS, answerToTwoWay, median(answerToTwoWay), iceGathering,
                    median(iceGathering));

            // Back to the SIP phone: the browser phone unregisters and Asterisk forgets it.
            afterTheLastCall();
            desk.click("#phone-choice-sip");
            desk.awaitAttribute("#phone-status", "data-status", "off", Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> !hotline.ami().contacts().containsKey("agent-010-web"));
            assertThat(desk.consoleErrors()).filteredOn(error -> error.contains("Content Security Policy") || error.contains("Uncaught"))
                    .isEmpty();
        }
    }

    @Test
    void aBlindTransferFromThePageReachesTheColleagueAndIsRecorded() throws Exception {
        Path dir = hotline.asterisk().stateDir();
        String password = ApiSession.newPassword();
        hotline.server().createUser("li.ming.transfer", "Li Ming", "agent", "010", password);
        try (Softphone colleague = hotline.agentPhone("011", "agent-011-browser-transfer").autoAnswer().start();
             Browser desk = Browser.withMicrophone(hotline.server().baseUrl(), "browser-phone-transfer",
                     Recording.tone(dir.resolve("browser-1100.wav"), BROWSER_TONE, 48000))) {
            afterTheLastCall();
            choosesTheBrowserPhone(desk.logIn("li.ming.transfer", password, "desktop.html"), "010");
            ready();
            hotline.readyWithPhone("011", colleague);

            NewChannelEvent call = hotline.ami().callHotline("10000", "<13800139003>");
            hotline.ami().joinQueue(call, '1');
            desk.awaitAttribute("#phone-status", "data-status", "ringing", Duration.ofSeconds(15));
            desk.click("#phone-answer");
            desk.awaitAttribute("#phone-status", "data-status", "talking", Duration.ofSeconds(10));
            Thread.sleep(1000);

            desk.type("#phone-transfer-to", "011");
            desk.click("#phone-transfer");
            colleague.awaitCallEstablished(Duration.ofSeconds(15));
            desk.awaitAttribute("#phone-status", "data-status", "registered", Duration.ofSeconds(10));
            Thread.sleep(1000);
            colleague.hangUp();
            colleague.awaitCallClosed(Duration.ofSeconds(10));
            hotline.ami().awaitCommand(call, "/survey", Duration.ofSeconds(10));
            hotline.ami().hangUp(call);

            io.vertx.core.json.JsonObject record = hotline.server().awaitFinishedRecord(call.getUniqueId());
            assertThat(record.getJsonArray("transfers")).hasSize(1);
            assertThat(record.getJsonArray("transfers").getJsonObject(0).getString("from")).as("the browser phone's agent").isEqualTo("010");
            assertThat(record.getJsonArray("transfers").getJsonObject(0).getString("to")).isEqualTo("011");
            assertThat(record.getJsonObject("agent").getString("id")).isEqualTo("011");
            desk.click("#phone-choice-sip");
            await().atMost(Duration.ofSeconds(10)).until(() -> !hotline.ami().contacts().containsKey("agent-010-web"));
        }
    }

    @Test
    void aSupervisorListensInFromTheWallBoardWithTheirBrowserPhone() throws Exception {
        double agentTone = 1700;
        double supervisorTone = 1100;
        Path dir = hotline.asterisk().stateDir();
        String password = ApiSession.newPassword();
        hotline.server().createUser("lead.web", "Zhang Wei", "supervisor", "001", password);
        try (Softphone agent = hotline.agentPhone("010", "agent-010-spied").autoAnswer().recordWhatItHears()
                     .microphone(Recording.tone(dir.resolve("agent-1700.wav"), agentTone, 8000)).start();
             Softphone customer = Softphone.named("customer-spied").account("caller", hotline.asterisk().callerPassword())
                     .recordWhatItHears().microphone(Recording.tone(dir.resolve("customer-500.wav"), CUSTOMER_TONE, 8000)).start();
             Browser board = Browser.withMicrophone(hotline.server().baseUrl(), "browser-phone-listen",
                     Recording.tone(dir.resolve("browser-1100.wav"), supervisorTone, 48000))) {
            afterTheLastCall();
            choosesTheBrowserPhone(board.logIn("lead.web", password, "wallboard.html"), "001");
            hotline.readyWithPhone("010", agent);
            customer.awaitRegistered(Duration.ofSeconds(10));

            callsTheOrdersQueue(customer);
            agent.awaitCallEstablished(Duration.ofSeconds(15));
            String cell = "#agents tr[data-agent='010'] .listen ";
            board.visible(cell + "button[data-mode='listen']").click();
            board.awaitAttribute("#phone-status", "data-status", "ringing", Duration.ofSeconds(15));
            board.click("#phone-answer");
            board.awaitAttribute("#phone-status", "data-status", "talking", Duration.ofSeconds(10));
            Phase listen = phase(Duration.ofSeconds(1));
            assertThat(((Number) figuresOf(board).get("heardLevel")).doubleValue()).as("the supervisor hears the call on the page")
                    .isGreaterThan(0.01);

            board.click(cell + "button[data-mode='leave']");
            board.awaitAttribute("#phone-status", "data-status", "registered", Duration.ofSeconds(10));
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));
            Thread.sleep(1000);
            // Listening: the supervisor's browser is heard by nobody.
            Heard.by(customer).assertNotHeard(listen, supervisorTone);
            Heard.by(agent).assertNotHeard(listen, supervisorTone);
            Heard.by(customer).assertHeard(listen, agentTone);

            board.click("#phone-choice-sip");
            await().atMost(Duration.ofSeconds(10)).until(() -> !hotline.ami().contacts().containsKey("agent-001-web"));
        }
    }

    /** Firefox's fake microphone plays a steady 1 kHz tone; the same page, the same checks of what each side hears. */
    @Test
    void theSamePhoneWorksInFirefox() throws Exception {
        double firefoxTone = 1000;
        Path dir = hotline.asterisk().stateDir();
        String password = ApiSession.newPassword();
        hotline.server().createUser("li.ming.fx", "Li Ming", "agent", "010", password);
        FirefoxBidi firefox = FirefoxBidi.withFakeMicrophone();
        try (Softphone customer = Softphone.named("customer-firefox").account("caller", hotline.asterisk().callerPassword())
                .recordWhatItHears().microphone(Recording.tone(dir.resolve("customer-500.wav"), CUSTOMER_TONE, 8000)).start()) {
            afterTheLastCall();
            firefox.freshWindow();
            firefox.navigate(hotline.server().baseUrl() + "/web/login.html");
            firefox.type("#user", "li.ming.fx");
            firefox.type("#password", password);
            firefox.click("#login");
            firefox.await("the desktop", "return location.pathname;", "/web/desktop.html"::equals, Duration.ofSeconds(15));
            firefox.await("the phone panel", "return !!document.querySelector('#phone-choice-browser');", Boolean.TRUE::equals,
                    Duration.ofSeconds(10));
            firefox.click("#phone-choice-browser");
            awaitStatus(firefox, "registered");
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.ami().contacts().containsKey("agent-010-web"));
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            ready();
            customer.awaitRegistered(Duration.ofSeconds(10));

            callsTheOrdersQueue(customer);
            awaitStatus(firefox, "ringing");
            firefox.click("#phone-answer");
            awaitStatus(firefox, "talking");
            Object twoWay = firefox.await("two-way audio", "return window.hotlineDeskPhone.figures.answerToTwoWayMs;",
                    value -> value != null, Duration.ofSeconds(10));
            Object ice = firefox.script("return window.hotlineDeskPhone.figures.iceGatheringMs;");
            Phase talk = phase(Duration.ofSeconds(1));
            Object heardHz = firefox.script("return window.hotlineDeskPhone.figures.heardHz;");
            assertThat(((Number) heardHz).doubleValue()).as("the customer's tone, heard in Firefox").isBetween(CUSTOMER_TONE - 25, CUSTOMER_TONE + 25);
            firefox.click("#phone-mute");
            Phase muted = phase(Duration.ofMillis(700));
            firefox.click("#phone-hangup");
            awaitStatus(firefox, "registered");
            customer.hangUp();
            customer.awaitCallClosed(Duration.ofSeconds(10));
            Thread.sleep(1000);

            Heard byCustomer = Heard.by(customer);
            System.out.printf("browser phone (Firefox): answer click -> two-way audio %s ms; ICE gathering %s ms; customer hears %.4f at %s Hz%n",
                    twoWay, ice, byCustomer.recording().toneLevel(firefoxTone, byCustomer.offset(talk.from()), byCustomer.offset(talk.to())),
                    firefoxTone);
            byCustomer.assertHeard(talk, firefoxTone);
            byCustomer.assertNotHeard(muted, firefoxTone);

            firefox.click("#phone-choice-sip");
            awaitStatus(firefox, "off");
            await().atMost(Duration.ofSeconds(10)).until(() -> !hotline.ami().contacts().containsKey("agent-010-web"));
        } finally {
            firefox.close();
        }
    }

    private static void awaitStatus(FirefoxBidi firefox, String status) {
        firefox.await("the phone's status " + status, "return document.querySelector('#phone-status').dataset.status;",
                status::equals, Duration.ofSeconds(15));
    }

    /**
     * On the page, the user chooses their browser phone: it registers, Asterisk has its contact (beside, not instead of,
     * the SIP account) and the server counts the agent's phone as registered.
     */
    private static void choosesTheBrowserPhone(Browser page, String agent) {
        page.click("#phone-choice-browser");
        page.awaitAttribute("#phone-status", "data-status", "registered", Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> hotline.ami().contacts().containsKey("agent-" + agent + "-web"));
        await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server().getJson("/api/agents/" + agent).getBoolean("phoneRegistered"));
    }

    private static void ready() throws Exception {
        int status = hotline.server().put("/api/agents/010/state", "{\"state\":\"ready\"}").statusCode();
        assertThat(status).as("agent 010 goes ready with the browser phone").isEqualTo(200);
    }

    /** Waits for the page's figures of the call just answered and keeps them. */
    private static void figures(Browser desk, List<Long> answerToTwoWay, List<Long> iceGathering) {
        await().atMost(Duration.ofSeconds(10)).until(() -> figuresOf(desk).get("answerToTwoWayMs") != null);
        Map<String, Object> figures = figuresOf(desk);
        answerToTwoWay.add(((Number) figures.get("answerToTwoWayMs")).longValue());
        if (figures.get("iceGatheringMs") != null) {
            iceGathering.add(((Number) figures.get("iceGatheringMs")).longValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figuresOf(Browser desk) {
        return (Map<String, Object>) desk.script("return Object.assign({}, window.hotlineDeskPhone.figures);");
    }

    private static long median(List<Long> values) {
        assertThat(values).as("measured").isNotEmpty();
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The customer dials the hotline and presses 1 for orders (agent 010's queue). */
    private static NewChannelEvent callsTheOrdersQueue(Softphone customer) throws Exception {
        NewChannelEvent call = hotline.ami().callFrom(customer);
        customer.press("1");
        return call;
    }

    /** The agent's wrap-up after the last call is over. */
    private static void afterTheLastCall() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String state = hotline.server().getJson("/api/agents/010").getString("state");
            return !state.equals("wrap-up") && !state.equals("on-call");
        });
    }

    /** A stretch of wall-clock time in one state of the call: it starts after the change has settled and lasts {@link #PHASE}. */
    private static Phase phase(Duration settle) throws InterruptedException {
        return Phase.after(settle, PHASE, Duration.ofMillis(300));
    }

    /** The customer's recording placed on the wall clock: it ends when the file was last written. */
    private record Heard(Recording recording, Instant start) {

        static Heard by(Softphone phone) throws Exception {
            Recording recording = phone.lastRecording();
            return new Heard(recording, Files.getLastModifiedTime(recording.file()).toInstant().minus(recording.duration()));
        }

        void assertHeard(Phase phase, double hertz) {
            assertThat(recording.toneLevel(hertz, offset(phase.from()), offset(phase.to())))
                    .as("%s Hz heard (%s)", hertz, recording).isGreaterThan(HEARD);
        }

        void assertNotHeard(Phase phase, double hertz) {
            assertThat(recording.toneLevel(hertz, offset(phase.from()), offset(phase.to())))
                    .as("%s Hz not heard (%s)", hertz, recording).isLessThan(UNHEARD);
        }

        double loudness(Phase phase) {
            return recording.rms(offset(phase.from()), offset(phase.to()));
        }

        Duration offset(Instant at) {
            return Duration.between(start, at);
        }
    }
}
