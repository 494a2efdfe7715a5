package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page as its users see it on an ordinary day, in Chinese and in English, in a real headless
 * Chromium against the whole hotline (real Asterisk, baresip phones): a caller who hangs up in the
 * menu, then one the agent answers, so the desktop, the wall board and the reports have something
 * to show. Each page is photographed in both languages to server/target/screenshots/pages-*.png;
 * with {@code -Dhotline.pages.docs=true} the pictures also replace docs/pages/*.png.
 * Checked on the way: the login page names the company, the settings read as sentences with units
 * in the page's language, the wall board has no row for "no queue" and type a room can read,
 * occupancy reads as durations, the call history has headings, a refused page shows one refusal in
 * one language and no form, and an administrator is never offered to disable their own account.
 */
class PagesIT {

    private static final String PASSWORD = ApiSession.newPassword();
    private static final String CUSTOMER = "13800138000"; // the demo phone's number, as [caller] presents it
    private static final String HOTLINE = "sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT;
    private static final Path DOCS = AsteriskSandbox.home().resolve("docs/pages");
    private static final Duration CALL = Duration.ofSeconds(30);

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("pages_it");

    private final List<Browser> opened = new ArrayList<>();
    private final List<String> calls = new ArrayList<>(); // the customer's calls so far: each wait finds the next one

    @BeforeAll
    static void users() throws Exception {
        hotline.server().createUser("li", "李明", "agent", "010", PASSWORD);
        hotline.server().createUser("wang", "王芳", "agent", "011", PASSWORD);
        hotline.server().createUser("lead", "张伟", "supervisor", null, PASSWORD);
        hotline.server().createUser("chief", "系统管理员", "admin", null, PASSWORD);
        assertThat(hotline.server().put("/api/customers/" + CUSTOMER, new JsonObject().put("name", "陈先生")
                .put("note", "老客户，偏好下午来电").encode()).statusCode()).isIn(200, 201);
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(opened);
    }

    @Test
    void eachPageInBothLanguagesOnAnOrdinaryDay() throws Exception {
        JsonObject company = hotline.server().getJson("/api/settings").getJsonObject("company");

        // The login page names the company, as the configuration spells it in each language.
        Browser login = browser().go("login.html");
        assertThat(login.awaitText("#company-name", text -> !text.isBlank())).isEqualTo(company.getString("name"));
        photograph(login, "login", () -> assertThat(login.awaitText("#company-name", text -> !text.isBlank()))
                .isEqualTo(company.getString("nameEn")));

        Browser desk = browser().logIn("li", PASSWORD, "desktop.html");
        try (Softphone agentPhone = hotline.agentPhone("010", "agent-010-pages").autoAnswer().start();
             Softphone customer = Softphone.named("customer-pages").account("caller", hotline.asterisk().callerPassword())
                     .start()) {
            customer.awaitRegistered(Duration.ofSeconds(10));
            // A first call ends in the menu: it reached no queue.
            String inTheMenu = callUntilTheMenu(customer);
            customer.hangUp();
            hotline.server().awaitFinishedRecord(inTheMenu);

            // A second one the agent answers: the screen pop shows the first among the caller's last calls.
            hotline.readyWithPhone("010", agentPhone);
            desk.awaitAttribute("#state", "data-state", "ready", Duration.ofSeconds(10));
            customer.forgetPastCalls();
            String answered = callUntilTheMenu(customer);
            customer.press("1");
            desk.awaitText("#pop-name", "陈先生"::equals, CALL);
            desk.awaitText("#pop-history tbody", text -> !text.isBlank());
            assertThat(desk.all("#pop-history thead th")).extracting(th -> th.getText())
                    .containsExactly("时间", "队列", "坐席", "结果");
            desk.type("#case-form [name=what]", "快递三天未到，客户要求改派");
            desk.type("#case-form [name=contactPhone]", CUSTOMER);
            desk.type("#case-form [name=category]", "delivery");
            desk.click("#case-submit");
            desk.awaitText("#my-cases tbody", text -> text.contains("快递三天未到"));
            desk.awaitAttribute("#state", "data-state", "on-call", Duration.ofSeconds(10));
            photograph(desk, "desktop", () -> assertThat(desk.all("#pop-history thead th")).extracting(th -> th.getText())
                    .containsExactly("When", "Queue", "Agent", "Outcome"));

            customer.hangUp();
            hotline.server().awaitFinishedRecord(answered);
            // The agent's occupancy today: a share of time, told in minutes and seconds, never in milliseconds.
            desk.awaitAttribute("#state", "data-state", "ready", Duration.ofSeconds(30));
            String occupancy = desk.awaitText("#my-figures dd[data-figure='occupancy']", text -> text.contains("%"), CALL);
            assertThat(occupancy).containsPattern("\\d+ (秒|分)").doesNotContainPattern("\\d{4,}");
        }

        // The wall board: the queues (no row for calls that reached none) and the agents, legible across a room.
        Browser board = browser().logIn("lead", PASSWORD, "wallboard.html");
        board.awaitText("#queues tr[data-queue='orders'] .service-level", text -> text.contains("%"), CALL);
        assertThat(board.all("#queues tbody tr")).extracting(tr -> tr.getDomAttribute("data-queue")).doesNotContain("-");
        assertThat(board.visible("#queues").getText()).doesNotContainPattern("\\d{4,}");
        board.visible("#agents tr[data-agent='010']");
        assertThat(pixels(board, "#queues tbody td")).as("queue figures on the wall board").isGreaterThanOrEqualTo(18);
        assertThat(pixels(board, "#queues tbody td.waiting")).as("callers waiting").isGreaterThanOrEqualTo(28);
        photograph(board, "wallboard", () -> board.awaitText("#agents th", "Agent"::equals));
        board.size(1920, 1080);
        assertThat(pixels(board, "#queues tbody td")).as("on a wall display").isGreaterThanOrEqualTo(28);
        photograph(board, "wallboard-wall", () -> board.awaitText("#agents th", "Agent"::equals));

        Browser lead = board;
        lead.size(1366, 768);
        lead.go("campaigns.html");
        Path csv = Files.createTempFile("contacts", ".csv");
        Files.writeString(csv, "电话,姓名,事由\r\n13900000013,李女士,退货进度\r\n13900000014,赵先生,安装预约\r\n",
                StandardCharsets.UTF_8);
        lead.type("#campaign-name", "退货回访");
        lead.choose("#campaign-kind", "survey");
        lead.find("#campaign-csv").sendKeys(csv.toString());
        lead.click("#campaign-create");
        lead.awaitText("#campaigns tr[data-campaign] .status", "待启动"::equals);
        photograph(lead, "campaigns", () -> lead.awaitText("#campaigns tr[data-campaign] .status", text -> !text.equals("待启动")));

        lead.go("reports.html");
        lead.awaitText("#report-table tbody", text -> text.lines().count() == 14);
        photograph(lead, "reports", () -> lead.awaitText("#report-run", text -> !text.isBlank()));

        // The settings read as sentences with their units, in the page's language only.
        lead.go("settings.html");
        String menu = lead.awaitText("#settings dd[data-setting='menu']", text -> !text.isBlank());
        assertThat(menu).contains("按 1：订购").doesNotContain("orders");
        assertThat(lead.visible("#settings").getText()).doesNotContain("maxRings", "ringSeconds", "warningSeconds", ": agent")
                .contains("3 声内应答");
        photograph(lead, "settings", () -> assertThat(lead.awaitText("#settings dd[data-setting='menu']",
                text -> text.contains("Press"))).doesNotContain("订购").doesNotContain("："));

        // The administrator's own row offers no "disable"; the others' is a danger button, not the main one.
        Browser admin = browser().logIn("chief", PASSWORD, "wallboard.html").go("admin.html");
        admin.visible("#users tr[data-user='li'] button.disable");
        assertThat(admin.all("#users tr[data-user='chief'] button")).isEmpty();
        assertThat(admin.find("#users tr[data-user='li'] button.disable").getDomAttribute("class")).contains("danger");
        admin.click("#audit-show");
        admin.awaitText("#audit tbody", text -> text.contains("chief"));
        photograph(admin, "admin", () -> admin.awaitText("#users tr[data-user='chief'] .actions", "You (logged in)"::equals));

        // A page the role has no use for: one refusal in one language, and no form under it.
        desk.go("campaigns.html");
        String refusal = desk.awaitText("#refused", text -> !text.isBlank());
        assertThat(refusal).isEqualTo("无权操作：坐席不能使用此页面。");
        assertThat(desk.find("main").isDisplayed()).isFalse();
        photograph(desk, "refused", () -> assertThat(desk.awaitText("#refused", text -> text.startsWith("Not allowed")))
                .isEqualTo("Not allowed: the Agent role may not use this page."));
    }

    private Browser browser() {
        Browser browser = Browser.open(hotline.server().baseUrl(), "pages");
        opened.add(browser);
        return browser;
    }

    /** The customer calls and the menu waits for a digit; answers the call's id. */
    private String callUntilTheMenu(Softphone customer) throws Exception {
        customer.dial(HOTLINE);
        NewChannelEvent call = (NewChannelEvent) hotline.ami().await(e -> e instanceof NewChannelEvent n
                && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-") && !calls.contains(n.getUniqueId()),
                Duration.ofSeconds(10));
        calls.add(call.getUniqueId());
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().startsWith("WAIT FOR DIGIT"), CALL);
        return call.getUniqueId();
    }

    /** The page in Chinese, then in English (checked by {@code inEnglish}), then back in Chinese. */
    private static void photograph(Browser browser, String page, Runnable inEnglish) {
        browser.script("window.scrollTo(0, 0);");
        keep(browser.screenshot(page + "-zh"), page + "-zh");
        browser.choose("#lang-switch", "en");
        browser.awaitAttribute("html", "lang", "en", Duration.ofSeconds(5));
        inEnglish.run();
        browser.script("window.scrollTo(0, 0);");
        keep(browser.screenshot(page + "-en"), page + "-en");
        browser.choose("#lang-switch", "zh");
        browser.awaitAttribute("html", "lang", "zh-CN", Duration.ofSeconds(5));
    }

    /** With -Dhotline.pages.docs=true, the picture goes to docs/pages/ too. */
    private static void keep(Path shot, String name) {
        if (!Boolean.getBoolean("hotline.pages.docs")) {
            return;
        }
        try {
            Files.createDirectories(DOCS);
            Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double pixels(Browser browser, String css) {
        return Double.parseDouble(String.valueOf(browser.script(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize);", css)));
    }
}
