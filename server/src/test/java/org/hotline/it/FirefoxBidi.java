package org.hotline.it;

import io.vertx.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.bidi.Event;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * A real headless Firefox (the system's {@code firefox-esr}, never a download) driven over WebDriver
 * BiDi, the protocol Firefox itself serves: no geckodriver. One Firefox process with an empty profile
 * of its own; {@link #freshWindow()} opens a tab in a new user context (its own cookies and storage,
 * as a private window), so each test starts logged out. Every error the pages report (script errors,
 * Content-Security-Policy violations, {@code console.error}) is kept for {@link #errors()}.
 *
 * <p>Without Firefox, or when it does not start, this fails naming what to install: nothing is skipped.
 */
public final class FirefoxBidi implements AutoCloseable {

    static final Path FIREFOX = Path.of(System.getProperty("hotline.firefox", "/usr/bin/firefox-esr"));
    private static final Path LOG = AsteriskSandbox.home().resolve("server/target/firefox.log");
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Nothing of Firefox's own calls out: the machine has no network, and a test needs none. */
    private static final Map<String, Object> PREFERENCES = Map.ofEntries(
            Map.entry("browser.shell.checkDefaultBrowser", false),
            Map.entry("browser.startup.homepage_override.mstone", "ignore"),
            Map.entry("app.update.auto", false),
            Map.entry("app.normandy.enabled", false),
            Map.entry("app.normandy.api_url", ""),
            Map.entry("services.settings.server", "data:,#remote-settings-dummy/v1"),
            Map.entry("datareporting.policy.dataSubmissionEnabled", false),
            Map.entry("datareporting.healthreport.uploadEnabled", false),
            Map.entry("toolkit.telemetry.enabled", false),
            Map.entry("network.captive-portal-service.enabled", false),
            Map.entry("network.connectivity-service.enabled", false),
            Map.entry("browser.safebrowsing.malware.enabled", false),
            Map.entry("browser.safebrowsing.phishing.enabled", false),
            Map.entry("extensions.update.enabled", false),
            Map.entry("browser.search.update", false),
            Map.entry("intl.accept_languages", "zh-CN, zh"), // as the centre's users' browsers ask
            Map.entry("remote.active-protocols", 1)); // WebDriver BiDi only

    private final Process firefox;
    private final Path profile;
    private final Connection bidi;
    private final List<Map<String, Object>> logged = new CopyOnWriteArrayList<>();
    private String userContext;
    private String context;

    private FirefoxBidi(Process firefox, Path profile, String endpoint) {
        this.firefox = firefox;
        this.profile = profile;
        URI session = URI.create(endpoint + "/session");
        this.bidi = new Connection(HttpClient.Factory.createDefault().createClient(ClientConfig.defaultConfig().baseUri(session)),
                session.toString());
    }

    /** Starts Firefox and opens a WebDriver BiDi session with it. */
    public static FirefoxBidi start() throws Exception {
        return start(Map.of(), Map.of());
    }

    /**
     * Firefox whose microphone is its fake device (a steady 1 kHz tone), used without asking, which trusts the sandbox
     * Asterisk's self-signed WebSocket certificate, gathers loopback ICE candidates (everything runs on one machine) and
     * plays sound into a mock audio device (the machine has none: without it Web Audio never starts).
     */
    public static FirefoxBidi withFakeMicrophone() throws Exception {
        return start(Map.of("media.navigator.streams.fake", true, "media.navigator.permission.disabled", true,
                "media.peerconnection.ice.loopback", true, "media.autoplay.default", 0, "media.cubeb.force_mock_context", true), Map.of("acceptInsecureCerts", true));
    }

    private static FirefoxBidi start(Map<String, Object> preferences, Map<String, Object> capabilities) throws Exception {
        if (!Files.isExecutable(FIREFOX)) {
            throw new IllegalStateException(FIREFOX + " is missing: the Firefox test needs the package firefox-esr "
                    + "(apt-get install firefox-esr; .ci/run installs it)");
        }
        Path profile = Files.createTempDirectory("hotline-firefox-");
        Process firefox = null;
        FirefoxBidi browser = null;
        try {
            StringBuilder prefs = new StringBuilder();
            java.util.Map<String, Object> all = new java.util.HashMap<>(PREFERENCES);
            all.putAll(preferences);
            all.forEach((name, value) -> prefs.append("user_pref(\"").append(name).append("\", ")
                    .append(value instanceof String ? "\"" + value + "\"" : value).append(");\n"));
            Files.writeString(profile.resolve("user.js"), prefs);
            Files.createDirectories(LOG.getParent());
            ProcessBuilder command = new ProcessBuilder(FIREFOX.toString(), "--headless", "--remote-debugging-port=0",
                    "--profile", profile.toString(), "--no-remote", "about:blank").redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            command.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
            firefox = command.start();
            Runtime.getRuntime().addShutdownHook(new Thread(firefox::destroyForcibly, "firefox-stop")); // should the JVM be cut short
            browser = new FirefoxBidi(firefox, profile, awaitListening(firefox));
            browser.bidi.addListener(new Event<Map<String, Object>>("log.entryAdded", entry -> entry), browser.logged::add);
            browser.send("session.new", Map.of("capabilities", Map.of("alwaysMatch", capabilities)));
            browser.send("session.subscribe", Map.of("events", List.of("log.entryAdded")));
            return browser;
        } catch (Exception | AssertionError e) {
            if (browser != null) {
                browser.close();
            } else {
                stop(firefox, profile, Duration.ZERO);
            }
            throw e;
        }
    }

    /** The endpoint Firefox names once its remote agent listens (on a port it chose). */
    private static String awaitListening(Process firefox) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(said());
            if (listening.find()) {
                return listening.group(1);
            }
            if (!firefox.isAlive()) {
                break;
            }
            Thread.sleep(POLL);
        }
        String failed = firefox.isAlive() ? "did not start its WebDriver BiDi agent within " + STARTUP.toSeconds() + " s"
                : "exited (status " + firefox.exitValue() + ") before its WebDriver BiDi agent listened";
        throw new IllegalStateException(FIREFOX + " " + failed + "; it said:\n" + said());
    }

    private static String said() throws IOException {
        return new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8);
    }

    /** Closes the window of the last test, if any, and opens a new one at 1366×768 with nothing shared. */
    public FirefoxBidi freshWindow() {
        if (userContext != null) {
            send("browser.removeUserContext", Map.of("userContext", userContext));
        }
        userContext = (String) send("browser.createUserContext", Map.of()).get("userContext");
        context = (String) send("browsingContext.create", Map.of("type", "tab", "userContext", userContext)).get("context");
        send("browsingContext.setViewport", Map.of("context", context, "viewport", Map.of("width", 1366, "height", 768)));
        return this;
    }

    /** Loads the page and waits for its load event. */
    public void navigate(String url) {
        send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
    }

    /**
     * Runs {@code body} as an async function in the page ({@code arguments} are the string args) and
     * answers its result as JSON: a String, Number, Boolean, JsonObject, JsonArray or null.
     */
    public Object script(String body, String... args) {
        Map<String, Object> answer = call("async function () { const value = await (async () => { " + body
                + " })(); return JSON.stringify(value === undefined ? null : value); }", args);
        return Json.decodeValue((String) answer.get("value"));
    }

    /** The result of {@code script} once it satisfies {@code wanted}; an assertion error after {@code within}. */
    public Object await(String what, String body, Predicate<Object> wanted, Duration within, String... args) {
        long deadline = System.nanoTime() + within.toNanos();
        Object seen = null;
        RuntimeException failed = null;
        do {
            try {
                seen = script(body, args);
                failed = null;
                if (wanted.test(seen)) {
                    return seen;
                }
            } catch (RuntimeException e) { // between two pages: no document to ask yet
                failed = e;
            }
            sleep(POLL);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " never became what was awaited within " + within.toSeconds() + " s; last seen: " + seen,
                failed);
    }

    /** A real click (mouse moved to the element's centre, pressed, released) on the first element matching css. */
    public void click(String css) {
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", List.of(
                Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", Map.of("type", "element", "element", element(css))),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
    }

    /** Clicks into the field, empties it and types {@code text} key by key. */
    public void type(String css, String text) {
        click(css);
        script("document.querySelector(arguments[0]).value = '';", css);
        List<Map<String, Object>> keys = new ArrayList<>();
        text.codePoints().mapToObj(Character::toString).forEach(key -> {
            keys.add(Map.of("type", "keyDown", "value", key));
            keys.add(Map.of("type", "keyUp", "value", key));
        });
        perform(Map.of("type", "key", "id", "keyboard", "actions", keys));
    }

    /** Saves what the window shows now as a PNG. */
    public Path screenshot(Path file) {
        String png = (String) send("browsingContext.captureScreenshot", Map.of("context", context)).get("data");
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the window's pages reported at level error (script errors, policy violations, console.error), with where. */
    public List<String> errors() {
        return logged.stream().filter(entry -> "error".equals(entry.get("level")))
                .filter(entry -> entry.get("source") instanceof Map<?, ?> source && context != null
                        && context.equals(source.get("context")))
                .map(entry -> entry.get("type") + ": " + entry.get("text") + where(entry)).toList();
    }

    /** Where the page was when it reported: the first frame of the entry's stack, if it has one. */
    private static String where(Map<String, Object> entry) {
        return entry.get("stackTrace") instanceof Map<?, ?> trace && trace.get("callFrames") instanceof List<?> frames
                && !frames.isEmpty() && frames.getFirst() instanceof Map<?, ?> frame
                ? " at " + frame.get("url") + ":" + frame.get("lineNumber") : "";
    }

    /** The node's reference for input actions, once the element is there, shown and enabled (scrolled into view). */
    private Map<String, Object> element(String css) {
        await("the element " + css, "const e = document.querySelector(arguments[0]);"
                + " return e !== null && e.checkVisibility() && !e.disabled;", Boolean.TRUE::equals, COMMAND, css);
        Map<String, Object> node = call("function (css) { const e = document.querySelector(css);"
                + " e.scrollIntoView({block: 'center'}); return e; }", css);
        return Map.of("sharedId", node.get("sharedId"));
    }

    private void perform(Map<String, Object> source) {
        send("input.performActions", Map.of("context", context, "actions", List.of(source)));
    }

    /** script.callFunction in the window, awaiting its promise: the result's remote value, or a failure naming the exception. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String function, String... args) {
        Map<String, Object> answer = send("script.callFunction", Map.of("functionDeclaration", function,
                "arguments", Stream.of(args).map(arg -> Map.of("type", "string", "value", arg)).toList(),
                "target", Map.of("context", context), "awaitPromise", true));
        if ("exception".equals(answer.get("type"))) {
            throw new IllegalStateException("the page's script failed: " + ((Map<String, Object>) answer.get("exceptionDetails")).get("text"));
        }
        return (Map<String, Object>) answer.get("result");
    }

    private Map<String, Object> send(String method, Map<String, Object> params) {
        return bidi.sendAndWait(new Command<Map<String, Object>>(method, params, Map.class), COMMAND);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the session, stops Firefox (and what it started) and deletes the profile, whatever state they are in. */
    @Override
    public void close() {
        Duration closing = Duration.ZERO;
        try {
            bidi.sendAndWait(new Command<Map<String, Object>>("browser.close", Map.of(), Map.class), Duration.ofSeconds(10));
            closing = Duration.ofSeconds(20); // it said it closes: let it, rather than kill it on its way out
        } catch (RuntimeException e) {
            // already gone, or not answering: stopped below all the same
        } finally {
            try {
                bidi.close();
            } catch (RuntimeException alreadyClosed) {
                // Firefox closed its end first, as browser.close asked
            }
            stop(firefox, profile, closing);
        }
    }

    private static void stop(Process firefox, Path profile, Duration closing) {
        List<ProcessHandle> started = firefox == null ? List.of() : firefox.descendants().toList();
        try {
            if (firefox != null && !firefox.waitFor(closing.toMillis(), TimeUnit.MILLISECONDS)) {
                firefox.destroy();
                if (!firefox.waitFor(15, TimeUnit.SECONDS)) {
                    firefox.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            firefox.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("the Firefox profile " + profile + " was not deleted", e);
            }
        }
    }
}
