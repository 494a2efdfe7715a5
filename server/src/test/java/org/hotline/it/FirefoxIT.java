package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages in a real headless Firefox (the system's firefox-esr over WebDriver BiDi) against the
 * whole hotline (real Asterisk): each role logs in through the login page by typing and clicking,
 * every page it may open shows its content (an agent changes state on the desktop, a supervisor
 * changes an agent's skills on the settings page, an admin makes a
 * user, the reports draw their chart with a real call in it), the pages it may not open say so, the
 * language switch relabels them, and the wall board follows an agent and a waiting caller live. No
 * page may report a script error or a Content-Security-Policy violation. Every page is photographed
 * to {@code server/target/screenshots/firefox-<page>.png}.
 */
class FirefoxIT {

    private static final String PASSWORD = ApiSession.newPassword();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String VISIBLE_TEXT = "const e = document.querySelector(arguments[0]);"
            + " return e && e.checkVisibility() ? e.innerText.trim() : null;";

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("firefox_it");

    private static FirefoxBidi firefox;

    @BeforeAll
    static void usersAndFirefox() throws Exception {
        hotline.server().createUser("li", "李明", "agent", "010", PASSWORD);
        hotline.server().createUser("lead", "张伟", "supervisor", null, PASSWORD);
        hotline.server().createUser("chief", "系统管理员", "admin", null, PASSWORD);
        firefox = FirefoxBidi.start();
    }

    @AfterAll
    static void stopFirefox() {
        if (firefox != null) {
            firefox.close();
        }
    }

    @BeforeEach
    void newWindow() {
        firefox.freshWindow();
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(firefox.errors()).as("the pages ran in Firefox without script errors or policy violations").isEmpty();
    }

    @Test
    void theLanguageSwitchRelabelsTheLoginPageAndTheWallBoard() {
        go("login.html");
        text("#login", "登录"::equals);
        screenshot("login");
        choose("#lang-switch", "en");
        text("#login", "Log in"::equals);

        logIn("lead", "wallboard.html");
        text("header nav a[href$='wallboard.html']", "Wall board"::equals);
        text("#agents th", "Agent"::equals);
        screenshot("wallboard-en");

        choose("#lang-switch", "zh");
        text("header nav a[href$='wallboard.html']", "现场监控"::equals);
        text("#agents th", "坐席"::equals);
        assertThat(firefox.script("return document.documentElement.lang;")).isEqualTo("zh-CN");
    }

    /** The watch on errors itself: a script injected into a page is blocked by its policy, and that is reported. */
    @Test
    void anInjectedScriptIsBlockedAndReportedAsAnError() {
        go("login.html");
        firefox.script("const s = document.createElement('script'); s.textContent = 'window.__ran = true;'; document.body.append(s);");
        await().atMost(WAIT).until(firefox::errors, errors -> errors.stream().anyMatch(e -> e.contains("Content-Security-Policy")));
        assertThat(firefox.script("return window.__ran === undefined;")).isEqualTo(true);
        firefox.freshWindow(); // the violation was wanted: the check after each test looks at a new window
    }

    @Test
    void anAgentLogsInChangesStateOnTheDesktopAndIsRefusedTheCampaigns() {
        go("login.html");
        firefox.type("#user", "li");
        firefox.type("#password", "not-the-password");
        firefox.click("#login");
        text("#login-error", "用户名或密码错误。"::equals);

        logIn("li", "desktop.html");
        text("#whoami", who -> who.contains("李明") && who.contains("010"));
        assertThat(firefox.script("return [...document.querySelectorAll('header nav a')].map(a => a.getAttribute('href'));"))
                .isEqualTo(new JsonArray().add("/web/desktop.html"));
        attribute("#state", "data-state", "logged-out");
        firefox.click("#go-ready");
        attribute("#state", "data-state", "ready");
        choose("#pause-reason", "training");
        firefox.click("#go-pause");
        attribute("#state", "data-state", "paused");
        text("#state", state -> state.contains("培训"));
        screenshot("desktop");

        go("campaigns.html");
        text("#refused", refused -> refused.startsWith("无权操作"));
        screenshot("agent-refused-campaigns");
    }

    @Test
    void aSupervisorWatchesTheFloorLiveReadsItInTheReportsAndIsRefusedTheAdministration() throws Exception {
        logIn("lead", "wallboard.html");
        text("#queues tr[data-queue='orders'] .name", name -> !name.isBlank());
        attribute("#agents tr[data-agent='011'] td.state", "data-state", "logged-out");
        attribute("#live-status", "data-connected", "true");
        firefox.script("window.__sameLoad = true;");

        // An agent goes ready, then pauses (through the API): the board's row follows.
        assertThat(hotline.server().put("/api/agents/011/state", "{\"state\":\"ready\"}").statusCode()).isEqualTo(200);
        attribute("#agents tr[data-agent='011'] td.state", "data-state", "ready");
        assertThat(hotline.server().put("/api/agents/011/state", "{\"state\":\"paused\",\"reason\":\"break\"}").statusCode())
                .isEqualTo(200);
        text("#agents tr[data-agent='011'] td.state", state -> state.contains("休息"));

        // A caller waits for after-sales (the paused agent's skill), then gives up: the board counts them in and out.
        NewChannelEvent call = hotline.ami().callHotline("10000", "<13900139005>");
        hotline.ami().joinQueue(call, '2');
        text("#queues tr[data-queue='after-sales'] .waiting", "1"::equals);
        screenshot("wallboard");
        hotline.ami().hangUp(call);
        text("#queues tr[data-queue='after-sales'] .waiting", "0"::equals);
        assertThat(firefox.script("return window.__sameLoad === true;")).as("updated live, not reloaded").isEqualTo(true);

        // That call in today's report: its table row and points on the chart.
        hotline.server().awaitFinishedRecord(call.getUniqueId());
        go("reports.html");
        firefox.await("the report table", "return document.querySelectorAll('#report-table tbody tr').length;",
                Integer.valueOf(14)::equals, WAIT); // a fortnight by day
        firefox.await("the calls in the report", "return [...document.querySelectorAll('#report-table tbody td:nth-child(2)')]"
                + ".reduce((sum, td) => sum + Number(td.textContent), 0);", Integer.valueOf(1)::equals, WAIT);
        JsonObject chart = (JsonObject) firefox.script("const canvas = document.getElementById('report-chart');"
                + " const chart = window.Chart.getChart(canvas);"
                + " const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                + " let painted = 0; for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;"
                + " return {periods: chart.data.labels.length, lines: chart.data.datasets.length,"
                + " points: chart.data.datasets.flatMap(d => d.data).filter(v => v !== null).length, painted};");
        assertThat(chart.getInteger("periods")).isEqualTo(14);
        assertThat(chart.getInteger("lines")).isEqualTo(6);
        assertThat(chart.getInteger("points")).as("today's shares on the chart").isPositive();
        assertThat(chart.getInteger("painted")).as("pixels the chart drew").isGreaterThan(1000);
        screenshot("reports");

        go("campaigns.html");
        text("#campaign-create", label -> !label.isBlank());
        attribute("#live-status", "data-connected", "true");
        screenshot("campaigns");

        go("settings.html");
        text("#settings", settings -> settings.contains("三学苑"));
        choose("#skills tr[data-agent='001'] select[data-queue='orders']", "3");
        firefox.click("#skills tr[data-agent='001'] .save-skills");
        text("#skills-message", saved -> saved.contains("001") && saved.contains("技能已保存"));
        screenshot("settings");

        go("admin.html");
        text("#refused", refused -> refused.startsWith("无权操作"));
        screenshot("supervisor-refused-admin");
    }

    @Test
    void anAdminMakesAUserOnTheAdministrationPage() {
        logIn("chief", "wallboard.html");
        go("admin.html");
        text("#users tr[data-user='li']", row -> row.contains("李明"));
        firefox.type("#new-user", "zhao");
        firefox.type("#new-display", "赵敏");
        choose("#new-role", "agent");
        choose("#new-agent", "011");
        firefox.type("#new-password", PASSWORD);
        firefox.click("#user-create");
        text("#users tr[data-user='zhao']", row -> row.contains("赵敏") && row.contains("011"));
        screenshot("admin");
    }

    private void go(String page) {
        firefox.navigate(hotline.server().baseUrl() + "/web/" + page);
    }

    /**
     * Logs in on the login page, typing and clicking, and waits for the page the role lands on to
     * show who is logged in (as a person would before going on: leaving a page while it still loads
     * makes Firefox report its aborted requests as errors).
     */
    private void logIn(String user, String landsOn) {
        go("login.html");
        firefox.type("#user", user);
        firefox.type("#password", PASSWORD);
        firefox.click("#login");
        firefox.await("the page after logging in as " + user, "return location.pathname;", ("/web/" + landsOn)::equals, WAIT);
        text("#whoami", who -> !who.isBlank());
    }

    /** The shown element's text once it satisfies {@code wanted}. */
    private String text(String css, Predicate<String> wanted) {
        return (String) firefox.await("the text of " + css, VISIBLE_TEXT, seen -> seen instanceof String text && wanted.test(text),
                WAIT, css);
    }

    private void attribute(String css, String attribute, String value) {
        firefox.await("the " + attribute + " of " + css, "return document.querySelector(arguments[0])?.getAttribute(arguments[1]);",
                value::equals, WAIT, css, attribute);
    }

    /** Chooses an option of a select by its value, as picking it from the list does (a change event). */
    private void choose(String css, String value) {
        firefox.await("the option " + value + " of " + css, "return document.querySelector(arguments[0])"
                + "?.querySelector(`option[value='${arguments[1]}']`) != null;", Boolean.TRUE::equals, WAIT, css, value);
        firefox.script("const select = document.querySelector(arguments[0]); select.value = arguments[1];"
                + " select.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    /** What the window shows from the top of the page. */
    private void screenshot(String page) {
        firefox.script("window.scrollTo(0, 0);");
        firefox.screenshot(Browser.SCREENSHOTS.resolve("firefox-" + page + ".png"));
    }
}
