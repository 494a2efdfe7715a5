package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A wrap-up code chosen on the page appears in the record and the report: a baresip customer calls
 * the real Asterisk and chooses orders, the agent's baresip phone takes the call, the customer hangs
 * up; during the wrap-up the agent's desktop in a real Chromium shows the orders queue's codes in
 * the page's language, the agent picks one, then changes it after switching the page to English.
 * The call Asterisk made (its unique id) carries the last code in its record through the API, with
 * the agent and a time after Asterisk's hang-up, and the day's report counts it per queue, per agent
 * and per code, in its CSV export too. Then the agent's phone dials *71: the queue's first code
 * replaces it, on the record, the report and the page.
 */
class WrapUpCodeIT {

    private static final String PASSWORD = ApiSession.newPassword();
    private static final String HOTLINE = "sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT;
    private static final ZoneId CENTRE = ZoneId.of("Asia/Shanghai"); // config/hotline.yaml's centre.timeZone

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("wrapup_it");

    private final java.util.List<Browser> opened = new java.util.ArrayList<>();

    @BeforeAll
    static void users() throws Exception {
        hotline.server().createUser("li", "李明", "agent", "010", PASSWORD);
        hotline.server().createUser("lead", "张伟", "supervisor", null, PASSWORD);
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(opened);
    }

    @Test
    void aWrapUpCodeChosenOnThePageAppearsInTheRecordAndTheReport() throws Exception {
        Browser desk = Browser.open(hotline.server().baseUrl(), "wrapUpCode");
        opened.add(desk);
        desk.logIn("li", PASSWORD, "desktop.html");

        try (Softphone agentPhone = hotline.agentPhone("010", "agent-010-wrapup").autoAnswer().start()) {
            codedOnThePageThenFromThePhone(desk, agentPhone);
        }
    }

    private void codedOnThePageThenFromThePhone(Browser desk, Softphone agentPhone) throws Exception {
        String callId;
        Instant hungUp;
        try (Softphone customer = Softphone.named("customer-wrapup").account("caller", hotline.asterisk().callerPassword())
                .start()) {
            agentPhone.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            desk.click("#go-ready");
            desk.awaitAttribute("#state", "data-state", "ready", Duration.ofSeconds(5));
            customer.awaitRegistered(Duration.ofSeconds(10));
            customer.dial(HOTLINE);
            NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                    && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-"), Duration.ofSeconds(10));
            callId = call.getUniqueId();
            hotline.ami().awaitCommand(call, "WAIT FOR DIGIT", Duration.ofSeconds(30));
            customer.press("1"); // orders
            desk.awaitAttribute("#state", "data-state", "on-call", Duration.ofSeconds(20));
            assertThat(desk.find("#wrap-up-codes").isDisplayed()).as("no codes while talking").isFalse();
            Thread.sleep(2000); // a short conversation
            customer.hangUp();
            HangupEvent hangup = (HangupEvent) hotline.ami().awaitOn(callId, e -> e instanceof HangupEvent, Duration.ofSeconds(10));
            hungUp = TestAmi.at(hangup); // Asterisk's own time of the hang-up
            desk.awaitAttribute("#state", "data-state", "wrap-up", Duration.ofSeconds(10));
        }

        // During the wrap-up: the orders queue's codes, in Chinese (the page's language).
        desk.awaitAttribute("#wrap-up-codes", "data-call", callId, Duration.ofSeconds(10));
        assertThat(desk.awaitText("#wrap-up-code-list", text -> text.contains("已解决"))).contains("订单已修改").contains("需跟进");
        desk.click("#wrap-up-code-list button[data-code='resolved']");
        desk.awaitAttribute("#wrap-up-code-list button[data-code='resolved']", "aria-pressed", "true", Duration.ofSeconds(5));
        desk.screenshot("desktop-wrap-up-codes");

        // In English the same codes by their English labels; the agent changes their mind.
        desk.choose("#lang-switch", "en");
        assertThat(desk.awaitText("#wrap-up-code-list", text -> text.contains("Order changed"))).contains("Resolved");
        desk.click("#wrap-up-code-list button[data-code='order-changed']");
        desk.awaitAttribute("#wrap-up-code-list button[data-code='order-changed']", "aria-pressed", "true",
                Duration.ofSeconds(5));
        assertThat(desk.find("#wrap-up-code-list button[data-code='resolved']").getDomAttribute("aria-pressed")).isEqualTo("false");

        // The record of the call Asterisk made: the last code, who chose it, after Asterisk's hang-up.
        JsonObject record = hotline.server().awaitFinishedRecord(callId);
        await().atMost(Duration.ofSeconds(10)).until(() -> "order-changed".equals(hotline.server()
                .getJson("/api/calls/" + callId).getJsonObject("wrapUpCode", new JsonObject()).getString("code")));
        record = hotline.server().getJson("/api/calls/" + callId);
        JsonObject code = record.getJsonObject("wrapUpCode");
        assertThat(code.getString("queue")).isEqualTo("orders");
        assertThat(code.getString("agent")).isEqualTo("010");
        assertThat(Instant.parse(code.getString("chosenAt"))).isAfter(hungUp);
        assertThat(record.getJsonArray("events").stream().map(JsonObject.class::cast)
                .filter(event -> "wrap-up-coded".equals(event.getString("type"))).map(event -> event.getString("code")).toList())
                .containsExactly("resolved", "order-changed");

        // The day's report: one call, counted under its queue, its agent and its code.
        String day = "/api/reports?period=day&date=" + LocalDate.now(CENTRE);
        ApiSession lead = new ApiSession(hotline.server().httpPort()).login("lead", PASSWORD);
        assertThat(row(lead.getJson(day + "&by=queue"), "queue", "orders").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("order-changed", 1));
        assertThat(row(lead.getJson(day + "&by=agent"), "agent", "010").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("order-changed", 1));
        String csv = lead.get(day + "&by=agent&format=csv").body();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("agent")).isEqualTo("010");
            assertThat(row.get("Wrap-up code: order-changed")).isEqualTo("1");
        });

        // From a plain SIP phone: *71 gives the call the orders queue's first code, as the page lists them.
        agentPhone.dial("sip:*71@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
        agentPhone.awaitCallClosed(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> "resolved".equals(hotline.server()
                .getJson("/api/calls/" + callId).getJsonObject("wrapUpCode").getString("code")));
        // the desktop hears of it at once (no reload)
        desk.awaitAttribute("#wrap-up-code-list button[data-code='resolved']", "aria-pressed", "true", Duration.ofSeconds(10));
        assertThat(row(lead.getJson(day + "&by=agent"), "agent", "010").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("resolved", 1));
    }

    private static JsonObject row(JsonObject report, String by, String key) {
        return report.getJsonArray("rows").stream().map(JsonObject.class::cast).filter(row -> key.equals(row.getString(by)))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + key + " in " + report)).getJsonObject("wrapUpCodes");
    }
}
