package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages in a real headless Chromium against the whole hotline (real Asterisk, baresip phones):
 * each role logs in and is refused what it may not do, a supervisor launches a campaign from a CSV
 * file, an agent takes a real call and sees the caller the moment the phone rings while the wall
 * board follows without reloading, markup in a customer's name shows as text, and the language
 * switch relabels the pages. Every page is photographed to server/target/screenshots/.
 * (Talk-time limits shortened to 10 s and 12 s, so the timer's colours show within the test.)
 */
class BrowserIT {

    private static final String PASSWORD = ApiSession.newPassword();
    private static final String CUSTOMER = "13800138000"; // the demo phone's number, as [caller] presents it
    private static final String HOTLINE = "sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT;

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("browser_it",
            Map.of("HOTLINE_TALK_WARNING", "10", "HOTLINE_TALK_LIMIT", "12"));

    private final java.util.List<Browser> opened = new java.util.ArrayList<>();
    private String test;

    /** The users the browsers log in as, all with one password this test knows. */
    @BeforeAll
    static void users() throws Exception {
        hotline.server().createUser("li", "李明", "agent", "010", PASSWORD);
        hotline.server().createUser("lead", "张伟", "supervisor", null, PASSWORD);
        hotline.server().createUser("chief", "系统管理员", "admin", null, PASSWORD);
    }

    @org.junit.jupiter.api.BeforeEach
    void name(TestInfo info) {
        test = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(opened);
    }

    private Browser browser() {
        Browser browser = Browser.open(hotline.server().baseUrl(), test);
        opened.add(browser);
        return browser;
    }

    @Test
    void theLanguageSwitchRelabelsThePagesAndIsRemembered() {
        Browser browser = browser().go("login.html");
        assertThat(browser.visible("#login").getText()).isEqualTo("登录");
        browser.screenshot("login");

        browser.choose("#lang-switch", "en");
        assertThat(browser.visible("#login").getText()).isEqualTo("Log in");
        browser.logIn("lead", PASSWORD, "wallboard.html");
        assertThat(browser.awaitText("header nav a[href$='wallboard.html']", "Wall board"::equals)).isNotNull();
        assertThat(browser.visible("#agents th").getText()).isEqualTo("Agent");
        browser.screenshot("wallboard-en");

        browser.choose("#lang-switch", "zh");
        browser.awaitText("header nav a[href$='wallboard.html']", "现场监控"::equals);
        assertThat(browser.visible("#agents th").getText()).isEqualTo("坐席");
        assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    }

    @Test
    void eachRoleLandsOnItsOwnPageAndIsRefusedWhatItMayNotDo() {
        Browser wrong = browser().go("login.html");
        wrong.type("#user", "li");
        wrong.type("#password", "not-the-password");
        wrong.click("#login");
        assertThat(wrong.awaitText("#login-error", text -> !text.isBlank())).isEqualTo("用户名或密码错误。");
        wrong.screenshot("login-wrong-password");

        Browser agent = browser().logIn("li", PASSWORD, "desktop.html");
        agent.awaitText("#whoami", text -> text.contains("李明") && text.contains("010"));
        assertThat(agent.all("header nav a")).extracting(a -> a.getDomAttribute("href")).containsExactly("/web/desktop.html");

        agent.go("campaigns.html");
        assertThat(agent.awaitText("#refused", text -> !text.isBlank())).startsWith("无权操作");
        agent.screenshot("agent-refused-campaigns");
        agent.go("settings.html");
        assertThat(agent.awaitText("#refused", text -> !text.isBlank())).startsWith("无权操作");

        agent.go("reports.html");
        agent.visible("#export-csv");
        agent.script("document.getElementById('refused').hidden = true;");
        agent.click("#export-csv");
        assertThat(agent.awaitText("#refused", text -> !text.isBlank())).startsWith("无权操作");
        assertThat(agent.fetch(reportCsv("&agent=010"))).containsEntry("status", 403L);
        agent.screenshot("agent-refused-export");

        Browser supervisor = browser().logIn("lead", PASSWORD, "wallboard.html");
        assertThat(supervisor.fetch(reportCsv("&by=queue"))).containsEntry("status", 200L);
        supervisor.go("admin.html");
        assertThat(supervisor.awaitText("#refused", text -> !text.isBlank())).startsWith("无权操作");
        supervisor.screenshot("supervisor-refused-admin");
    }

    @Test
    void anAdminCreatesAnAgentWhoThenLogsInToTheirDesktop() {
        Browser admin = browser().logIn("chief", PASSWORD, "wallboard.html").go("admin.html");
        admin.visible("#users tr[data-user='li']");
        admin.type("#new-user", "wang");
        admin.type("#new-display", "王芳");
        admin.choose("#new-role", "agent");
        admin.awaitText("#new-agent", text -> text.contains("011"));
        admin.choose("#new-agent", "011");
        admin.type("#new-password", PASSWORD);
        admin.click("#user-create");
        admin.visible("#users tr[data-user='wang']");
        admin.click("#audit-show");
        admin.awaitText("#audit tbody", text -> text.contains("chief") && text.contains("user.created"));
        admin.screenshot("admin");

        Browser wang = browser().logIn("wang", PASSWORD, "desktop.html");
        wang.awaitText("#whoami", text -> text.contains("王芳") && text.contains("011"));
    }

    @Test
    void aSupervisorMovesAnAgentToAnotherQueueAndChangesTheServiceHoursFromTheSettingsPage() throws Exception {
        Browser board = browser().logIn("lead", PASSWORD, "wallboard.html");
        board.visible("#agents tr[data-agent='010'] .skills");
        Browser lead = browser().logIn("lead", PASSWORD, "wallboard.html").go("settings.html");
        lead.awaitText("#settings", text -> text.contains("三学苑"));
        String complaints = "#skills tr[data-agent='010'] select[data-queue='complaints']";
        lead.visible(complaints);
        lead.choose(complaints, "2");
        lead.click("#skills tr[data-agent='010'] .save-skills");
        lead.awaitText("#skills-message", text -> text.contains("010") && text.contains("技能已保存"));
        assertThat(hotline.server().getJson("/api/agents/010").getJsonObject("skills").getInteger("complaints")).isEqualTo(2);
        board.awaitText("#agents tr[data-agent='010'] .skills", text -> text.contains("投诉 2")); // no reload

        // a holiday far off: the other tests' calls still find the hotline open
        lead.awaitAttribute("#hours-days input[data-day='sunday']", "value", "00:00-24:00", Duration.ofSeconds(10));
        lead.type("#hours-holidays", "2099-01-01");
        lead.click("#hours-save");
        lead.awaitText("#hours-message", text -> text.contains("服务时间已保存"));
        lead.screenshot("settings");
        lead.go("settings.html"); // what the server kept, not what the form still shows
        await().atMost(Duration.ofSeconds(10)).until(() -> "2099-01-01".equals(
                lead.script("return document.getElementById('hours-holidays').value;")));
        lead.find("#skills tr[data-agent='010'] select[data-queue='complaints'] option[value='2']:checked");

        Browser admin = browser().logIn("chief", PASSWORD, "wallboard.html").go("admin.html");
        admin.click("#audit-show");
        admin.awaitText("#audit tbody", text -> text.contains("lead") && text.contains("agent.skills-changed")
                && text.contains("/api/agents/010/skills") && text.contains("settings.hours-changed"));
    }

    @Test
    void aSupervisorLaunchesACampaignFromACsvFileAndWatchesItRunLive() throws Exception {
        Path csv = Files.createTempFile("contacts", ".csv");
        Files.writeString(csv, "电话,姓名,事由\r\n13900000013,<script>window.__pwned=1</script>李女士,退货进度\r\n12345,张先生,坏号码\r\n",
                StandardCharsets.UTF_8);
        Browser supervisor = browser().logIn("lead", PASSWORD, "wallboard.html").go("campaigns.html");
        supervisor.type("#campaign-name", "退货回访");
        supervisor.choose("#campaign-kind", "survey");
        // Any hour of the day: the test customer is called whenever the test runs.
        supervisor.script("document.getElementById('campaign-opens').value = '00:00';"
                + "document.getElementById('campaign-closes').value = '23:59';");
        supervisor.find("#campaign-csv").sendKeys(csv.toString());
        supervisor.click("#campaign-create");
        assertThat(supervisor.awaitText("#campaign-message .accepted", text -> !text.isBlank())).contains("退货回访").contains("1");
        assertThat(supervisor.visible("#campaign-message .refused-rows").getText()).contains("3");

        String row = "#campaigns tr[data-campaign]";
        supervisor.awaitText(row + " .status", "待启动"::equals);
        supervisor.script("window.__sameLoad = true;");
        supervisor.click(row + " .start");
        supervisor.awaitAttribute(row + " .progress", "data-finished", "1", Duration.ofSeconds(90));
        supervisor.awaitText(row + " .status", "已完成"::equals, Duration.ofSeconds(30));
        assertThat(supervisor.script("return window.__sameLoad === true")).as("updated live, not reloaded").isEqualTo(true);
        supervisor.screenshot("campaigns");
    }

    @Test
    void anAgentTakesARealCallSeesTheCallerAtOnceAndTheWallBoardFollowsWithoutReloading() throws Exception {
        assertThat(hotline.server().put("/api/customers/" + CUSTOMER, new JsonObject()
                .put("name", "<script>window.__pwned=1</script>陈先生")
                .put("note", "<img src=x onerror=\"window.__pwned=2\">老客户").encode()).statusCode()).isIn(200, 201);
        Browser board = browser().logIn("lead", PASSWORD, "wallboard.html");
        board.visible("#agents tr[data-agent='010']");
        board.visible("#queues tr[data-queue='orders']");
        board.script("window.__sameLoad = true;");
        Browser desk = browser().logIn("li", PASSWORD, "desktop.html");

        try (Softphone agentPhone = hotline.agentPhone("010", "agent-010-browser").autoAnswer().start();
             Softphone customer = Softphone.named("customer-browser").account("caller", hotline.asterisk().callerPassword())
                     .start()) {
            agentPhone.awaitRegistered(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hotline.server().getJson("/api/agents/010").getBoolean("phoneRegistered"));
            desk.click("#go-ready");
            desk.awaitAttribute("#state", "data-state", "ready", Duration.ofSeconds(5));
            board.awaitAttribute("#agents tr[data-agent='010'] td.state", "data-state", "ready", Duration.ofSeconds(5));
            desk.choose("#pause-reason", "break");
            desk.click("#go-pause");
            board.awaitAttribute("#agents tr[data-agent='010'] td.state", "data-state", "paused", Duration.ofSeconds(5));
            assertThat(board.awaitText("#agents tr[data-agent='010'] td.state", text -> text.contains("休息"))).startsWith("暂停");

            // The customer calls, chooses orders (1) and waits: the board shows them waiting.
            customer.awaitRegistered(Duration.ofSeconds(10));
            customer.dial(HOTLINE);
            NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                    && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-"), Duration.ofSeconds(10));
            hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                    && s.getCommand().startsWith("WAIT FOR DIGIT"), Duration.ofSeconds(30));
            customer.press("1");
            board.awaitText("#queues tr[data-queue='orders'] .waiting", "1"::equals, Duration.ofSeconds(15));
            board.screenshot("wallboard-waiting");

            // The agent goes ready: the phone rings (and answers itself), the desktop shows who it is.
            desk.click("#go-ready");
            desk.awaitText("#pop-name", text -> text.contains("陈先生"), Duration.ofSeconds(15));
            assertThat(desk.visible("#pop-name").getText()).isEqualTo("<script>window.__pwned=1</script>陈先生");
            assertThat(desk.visible("#pop-file").getText()).contains("<img src=x onerror=\"window.__pwned=2\">老客户");
            assertThat(desk.script("return window.__pwned === undefined")).as("markup from the customer file never runs").isEqualTo(true);
            String number = desk.visible("#pop-number").getText();
            assertThat(number).as("agents see the number masked").contains("****").doesNotContain(CUSTOMER);
            assertThat(desk.find("#screen-pop").getDomAttribute("data-call")).isEqualTo(call.getUniqueId());

            board.awaitText("#queues tr[data-queue='orders'] .waiting", "0"::equals, Duration.ofSeconds(15));
            board.awaitAttribute("#agents tr[data-agent='010'] td.state", "data-state", "on-call", Duration.ofSeconds(15));
            desk.awaitAttribute("#state", "data-state", "on-call", Duration.ofSeconds(5));

            // Past the (shortened) warning the timer turns amber, past the limit red.
            desk.awaitClass("#talk-timer", "amber", Duration.ofSeconds(15));
            desk.screenshot("desktop-call");
            desk.awaitClass("#talk-timer", "red", Duration.ofSeconds(10));

            // A case opened from the call, its particulars shown back as text.
            desk.type("#case-form [name=what]", "<b>快递</b>延误");
            desk.type("#case-form [name=contactPhone]", "13800138000");
            desk.type("#case-form [name=category]", "delivery");
            desk.click("#case-submit");
            assertThat(desk.awaitText("#case-message", text -> text.contains("工单"))).doesNotContain("error");
            desk.awaitText("#my-cases", text -> text.contains("<b>快递</b>延误"));

            customer.hangUp();
            board.awaitAttribute("#agents tr[data-agent='010'] td.state", "data-state", "wrap-up", Duration.ofSeconds(15));
            desk.awaitAttribute("#state", "data-state", "wrap-up", Duration.ofSeconds(5));
            desk.screenshot("desktop");
            board.screenshot("wallboard");
            assertThat(board.script("return window.__sameLoad === true")).as("the board followed without reloading").isEqualTo(true);
        }
    }

    @Test
    void aSupervisorReadsTheReportsWithTheirChartAndDrillsDownToTheCalls() {
        Browser supervisor = browser().logIn("lead", PASSWORD, "wallboard.html").go("reports.html");
        supervisor.awaitText("#report-table tbody", text -> text.lines().count() == 14); // a fortnight by day
        assertThat(supervisor.script("return window.Chart.getChart(document.getElementById('report-chart')) !== undefined"))
                .isEqualTo(true);
        supervisor.choose("#breach-rule", "three-rings");
        supervisor.click("#breaches-show");
        supervisor.visible("#breaches thead th");
        supervisor.click("#export-csv");
        assertThat(supervisor.find("#refused").isDisplayed()).isFalse();
        supervisor.choose("#report-period", "month");
        supervisor.click("#report-run");
        supervisor.awaitText("#report-table tbody", text -> text.lines().count() == 6);
        supervisor.screenshot("reports");
    }

    private static String reportCsv(String narrowing) {
        return "/api/reports?period=day&date=" + LocalDate.now() + narrowing + "&format=csv";
    }
}
