package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agents from the console, for real: an admin adds an agent on the admin page (Chromium); the Asterisk already running
 * (the same process) takes their phone's registration at once; the agent logs in, a baresip customer's call
 * reaches them through the menu; removed, the agent is offered no call and Asterisk refuses their phone.
 */
class AgentsFromTheConsoleIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("agents_console_it");

    private static final String NEW_AGENT = "{\"id\": \"020\", \"name\": \"赵敏\", \"tier\": \"front-line\", \"teamLead\": \"001\", "
            + "\"skills\": {\"orders\": 5}}";

    private static final String PASSWORD = ApiSession.newPassword();
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void anAdministrator() throws Exception {
        hotline.server().createUser("chief", "系统管理员", "admin", null, PASSWORD);
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(browsers);
    }

    private Browser opened(Browser browser) {
        browsers.add(browser);
        return browser;
    }

    @Test
    void anAgentAddedOnTheAdminPageRegistersAtOnceTakesARoutedCallAndOnceRemovedCanNoLongerRegister() throws Exception {
        long asterisk = hotline.asterisk().pid();
        assertThat(hotline.asterisk().cli("pjsip show endpoints")).doesNotContain("agent-020");

        // The admin adds the agent on the admin page, in Chromium, and reads the first passwords off it.
        Browser admin = opened(Browser.open(hotline.server().baseUrl(), "agents-console").logIn("chief", PASSWORD, "wallboard.html")
                .go("admin.html"));
        admin.awaitText("#agents tr[data-agent='001'] .standing", text -> !text.isBlank());
        admin.type("#agent-id", "020");
        admin.type("#agent-name", "赵敏");
        admin.choose("#agent-tier", "front-line");
        admin.choose("#agent-lead", "001");
        admin.type("#agent-skills", "orders:5");
        admin.click("#agent-save");
        String phonePassword = admin.awaitText("#agent-phone-password", text -> !text.isBlank());
        String deskPassword = admin.awaitText("#agent-desk-password", text -> !text.isBlank());
        assertThat(admin.awaitText("#agent-login", text -> !text.isBlank())).isEqualTo("agent-020");
        assertThat(admin.awaitText("#agent-phone-account", text -> !text.isBlank())).isEqualTo("agent-020");
        admin.awaitText("#agents tr[data-agent='020'] .skills", "orders:5"::equals);
        await().atMost(Duration.ofSeconds(5)).until(() -> hotline.server().getJson("/api/audit?user=chief").encode()
                .contains("/api/agents/020"));
        assertThat(hotline.server().getJson("/api/audit?user=chief").encode()).contains("agent.added");
        // Shown once: the page opened again has no password to show.
        admin.go("admin.html").awaitText("#agents tr[data-agent='020'] .name", "赵敏"::equals);
        assertThat(admin.find("#agent-passwords").isDisplayed()).isFalse();
        assertThat((String) admin.script("return document.body.innerHTML")).doesNotContain(phonePassword, deskPassword);

        // Asterisk's own word: the account is there, loaded into the same process (no restart).
        assertThat(hotline.asterisk().cli("pjsip show endpoint agent-020")).contains("agent-020");
        assertThat(hotline.asterisk().pid()).isEqualTo(asterisk);
        // Handed out once: on disk only a digest, and the roster answers no password.
        Path accounts = hotline.asterisk().stateDir().resolve("asterisk/etc/pjsip_agents.conf");
        assertThat(Files.readString(accounts)).contains("[agent-020-auth]", "password_digest = MD5:").doesNotContain(phonePassword);
        assertThat(hotline.asterisk().stateDir().resolve("secrets/agents/020.password")).doesNotExist();
        String roster = hotline.server().get("/api/roster").body();
        assertThat(roster).contains("\"020\"").doesNotContain(phonePassword, deskPassword);

        // Disabled, the account leaves Asterisk and the login is refused; enabled, both are back as they were.
        assertThat(hotline.server().post("/api/agents/020/disable", "").statusCode()).isEqualTo(200);
        assertThat(hotline.asterisk().cli("pjsip show endpoints")).doesNotContain("agent-020");
        assertThat(loginRefused("agent-020", deskPassword)).isTrue();
        assertThat(hotline.server().post("/api/agents/020/enable", "").statusCode()).isEqualTo(200);
        assertThat(hotline.asterisk().cli("pjsip show endpoint agent-020")).contains("agent-020");

        ApiSession desk = new ApiSession(hotline.server().httpPort()).login("agent-020", deskPassword);
        Path voice = RoutingIT.tone(hotline.asterisk().stateDir().resolve("customer-console-voice.wav"), 60);
        String firstCall;
        try (Softphone agent = Softphone.named("agent-020-console").account("agent-020", phonePassword)
                .autoAnswer().recordWhatItHears().start();
             Softphone customer = Softphone.named("customer-console").account("caller", hotline.asterisk().callerPassword())
                     .microphone(voice).start()) {
            agent.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> desk.getJson("/api/agents/020").getBoolean("phoneRegistered"));
            assertThat(desk.put("/api/agents/020/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
            customer.awaitRegistered(Duration.ofSeconds(10));

            NewChannelEvent call = hotline.ami().callFrom(customer);
            customer.press("1");
            agent.awaitCallEstablished(Duration.ofSeconds(15));
            DialBeginEvent rang = (DialBeginEvent) hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof DialBeginEvent d
                    && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-020-"), Duration.ofSeconds(5));
            assertThat(rang.getDestChannel()).startsWith("PJSIP/agent-020-");
            Thread.sleep(2000);
            customer.hangUp();
            agent.awaitCallClosed(Duration.ofSeconds(10));
            assertThat(agent.lastRecording().voicedDuration(0.01)).as("the new agent heard the customer")
                    .isGreaterThan(Duration.ofSeconds(1));
            firstCall = call.getUniqueId();
            JsonObject record = hotline.server().awaitFinishedRecord(firstCall);
            assertThat(record.getJsonObject("queue").getString("name")).isEqualTo("orders");
            assertThat(record.getJsonObject("agent").getString("id")).isEqualTo("020");

            // Not while the call's wrap-up runs: its end is still to be recorded.
            await().atMost(Duration.ofSeconds(20)).until(() -> desk.getJson("/api/agents/020").getString("state").equals("ready"));
            // Removed on the admin page (its confirmation answered yes).
            admin.script("window.confirm = () => true");
            admin.click("#agents tr[data-agent='020'] button.remove");
            admin.awaitAttribute("#agents tr[data-agent='020']", "data-standing", "removed", Duration.ofSeconds(10));

            // Asterisk no longer has the account (same process), and the agent is off the floor.
            assertThat(hotline.asterisk().cli("pjsip show endpoints")).doesNotContain("agent-020");
            assertThat(hotline.asterisk().pid()).isEqualTo(asterisk);
            assertThat(hotline.server().get("/api/agents").body()).doesNotContain("\"020\"");
            assertThat(desk.get("/api/agents/020").statusCode()).as("the agent's session ended").isEqualTo(401);

            // A call for the orders queue now finds nobody to take it: the phone still running is not rung.
            Instant before = Instant.now();
            NewChannelEvent next = hotline.ami().callHotline("10000", "<13900139012>");
            hotline.ami().awaitCommand(next, "/menu", Duration.ofSeconds(15));
            hotline.ami().press(next, '1');
            Thread.sleep(6000);
            assertThat(hotline.ami().events().stream().anyMatch(e -> e instanceof DialBeginEvent d
                    && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-020-")
                    && TestAmi.at(e).isAfter(before))).as("the removed agent's phone was rung").isFalse();
            assertThat(hotline.server().getJson("/api/queues").encode()).doesNotContain("020");
        }

        try (Softphone again = Softphone.named("agent-020-removed").account("agent-020", phonePassword).start()) {
            assertThat(again.awaitRegistrationRejected(Duration.ofSeconds(10))).containsAnyOf("401", "403", "404");
        }
        HttpResponse<String> login = new ApiSession(hotline.server().httpPort()).get("/api/agents/020");
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(loginRefused("agent-020", deskPassword)).isTrue();

        // The past call still names the agent; the roster keeps them, removed, and their ID is not given again.
        assertThat(hotline.server().getJson("/api/calls/" + firstCall).getJsonObject("agent").getString("id")).isEqualTo("020");
        assertThat(hotline.server().getJson("/api/roster").getJsonArray("agents").stream().map(JsonObject.class::cast)
                .filter(agent -> agent.getString("id").equals("020")).findFirst().orElseThrow().getString("standing"))
                .isEqualTo("removed");
        assertThat(hotline.server().post("/api/agents", NEW_AGENT).statusCode()).isEqualTo(409);
    }

    private static boolean loginRefused(String user, String password) {
        try {
            new ApiSession(hotline.server().httpPort()).login(user, password);
            return false;
        } catch (AssertionError refused) {
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whatAdminsChangedStaysSoAcrossARestartWhateverTheSeedFileSays() throws Exception {
        HttpResponse<String> added = hotline.server().post("/api/agents",
                "{\"id\": \"021\", \"name\": \"钱进\", \"tier\": \"senior\", \"skills\": {\"complaints\": 4}}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String phonePassword = new JsonObject(added.body()).getJsonObject("firstPasswords").getString("phone");
        assertThat(hotline.server().put("/api/agents/011", "{\"name\": \"王芳芳\", \"tier\": \"senior\", \"teamLead\": \"001\", "
                + "\"skills\": {\"after-sales\": 3}}").statusCode()).isEqualTo(200);
        assertThat(hotline.server().post("/api/agents/010/disable", "").statusCode()).isEqualTo(200);

        hotline.restartServer();

        JsonObject wang = hotline.server().getJson("/api/agents/011");
        assertThat(wang.getString("name")).isEqualTo("王芳芳");
        assertThat(wang.getJsonObject("skills").getMap()).containsOnlyKeys("after-sales");
        assertThat(hotline.server().get("/api/agents/010").statusCode()).as("disabled: off the floor").isEqualTo(404);
        String endpoints = hotline.asterisk().cli("pjsip show endpoints");
        assertThat(endpoints).contains("agent-021", "agent-011").doesNotContainPattern("agent-010\\b");
        try (Softphone phone = Softphone.named("agent-021-restart").account("agent-021", phonePassword).start()) {
            phone.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> hotline.server().getJson("/api/agents/021").getBoolean("phoneRegistered"));
        }

        // A new phone password: the old one is refused by Asterisk from then on, the new one registers.
        HttpResponse<String> renewed = hotline.server().post("/api/agents/021/phone-password", "");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String newPassword = new JsonObject(renewed.body()).getString("phonePassword");
        try (Softphone old = Softphone.named("agent-021-old").account("agent-021", phonePassword).start()) {
            assertThat(old.awaitRegistrationRejected(Duration.ofSeconds(10))).contains("401");
        }
        try (Softphone phone = Softphone.named("agent-021-new").account("agent-021", newPassword).start()) {
            phone.awaitRegistered(Duration.ofSeconds(10));
        }
    }
}
