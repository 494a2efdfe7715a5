package org.hotline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the system's {@code chromium} and {@code chromedriver}, never a
 * download) on a laptop-sized window, logged into the hotline's pages. Each browser is a separate
 * profile, so two of them are two users at once. Screenshots of the pages go to
 * {@code server/target/screenshots/<test>-<page>.png}.
 *
 * <p>Without Chromium or its driver the test fails naming the packages to install: nothing is skipped.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("hotline.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = AsteriskSandbox.home().resolve("server/target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final String base;
    private final String test;

    private Browser(ChromeDriver driver, String base, String test) {
        this.driver = driver;
        this.base = base;
        this.test = test;
    }

    /**
     * @param base the server, e.g. http://127.0.0.1:8080
     * @param test names this test's screenshots
     */
    public static Browser open(String base, String test) {
        return open(base, test, new ChromeOptions());
    }

    /**
     * A browser whose microphone plays {@code wav} (Chromium's fake capture device, granted without asking)
     * and which trusts the sandbox Asterisk's self-signed WebSocket certificate: a browser phone.
     */
    public static Browser withMicrophone(String base, String test, Path wav) {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath(), "--autoplay-policy=no-user-gesture-required",
                "--ignore-certificate-errors");
        options.setAcceptInsecureCerts(true);
        return open(base, test, options);
    }

    private static Browser open(String base, String test, ChromeOptions options) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the browser tests need the packages chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)");
            }
        }
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
                "--lang=zh-CN", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver named outright: Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base, test);
    }

    /** Opens one of the pages: {@code go("desktop.html")}. */
    public Browser go(String page) {
        driver.get(base + "/web/" + page);
        return this;
    }

    /** Logs in on the login page and waits for the page the role lands on. */
    public Browser logIn(String user, String password, String landsOn) {
        go("login.html");
        type("#user", user);
        type("#password", password);
        click("#login");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(landsOn));
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public WebElement visible(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses an option of a select by its value. */
    public void choose(String css, String value) {
        new org.openqa.selenium.support.ui.Select(visible(css)).selectByValue(value);
    }

    /** The element's text once it satisfies {@code wanted} (within the usual wait, or longer). */
    public String awaitText(String css, Predicate<String> wanted, Duration within) {
        return await(css, WebElement::getText, wanted, within, "text");
    }

    public String awaitText(String css, Predicate<String> wanted) {
        return awaitText(css, wanted, WAIT);
    }

    /** Waits until the element's attribute has {@code value}. */
    public void awaitAttribute(String css, String attribute, String value, Duration within) {
        await(css, element -> element.getDomAttribute(attribute), value::equals, within, attribute);
    }

    /** Waits until the element has the CSS class. */
    public void awaitClass(String css, String className, Duration within) {
        await(css, element -> element.getDomAttribute("class"),
                classes -> classes != null && List.of(classes.split("\\s+")).contains(className), within, "class");
    }

    /** What {@code read} finds in the first element matching {@code css}, once it satisfies {@code wanted}. */
    private String await(String css, java.util.function.Function<WebElement, String> read, Predicate<String> wanted,
                         Duration within, String what) {
        String[] seen = new String[1];
        try {
            // a page that redraws a list replaces its elements: one found just before is read again
            new WebDriverWait(driver, within).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                seen[0] = found.isEmpty() ? null : read.apply(found.getFirst());
                return seen[0] != null && wanted.test(seen[0]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(test + ": the " + what + " of " + css + " never became what was awaited; last seen: "
                    + seen[0], e);
        }
        return seen[0];
    }

    /** Resizes the window, e.g. to a wall display's 1920×1080. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    public Object script(String javaScript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, args);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Saves what the window shows now as {@code <test>-<page>.png}. */
    public Path screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(test + "-" + page + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to the console as errors (Content-Security-Policy violations among them). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Headers and cookies aside, what a fetch from the page answers: status and body. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({status: r.status, body: await r.text()}),"
                        + " e => done({status: 0, body: String(e)}));", path);
    }

    /** Each browser ran its pages without script errors or policy violations; then all are closed (and the list emptied). */
    public static void closeAll(List<Browser> opened) {
        try {
            for (Browser browser : opened) {
                org.assertj.core.api.Assertions.assertThat(browser.consoleErrors())
                        .as("the pages ran without script errors or policy violations")
                        .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught")
                                && !line.contains("ApiError"));
            }
        } finally {
            opened.forEach(Browser::close);
            opened.clear();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
