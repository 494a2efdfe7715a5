package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotline.it.ApiSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The application log never holds a customer's full number: the server runs with its production
 * logging configuration (logback.xml), requests and log lines carrying numbers in every way they are
 * written go through it, and the captured log is searched for the numbers.
 */
class LogMaskingTest {

    /** The numbers used, and every way they may be written in a log line. */
    private static final List<String> FULL = List.of("+8613800138000", "13800138000", "138 0013 8000", "+86 138 0013 8000",
            "+8613900000011", "13900000011", "01062345678", "010-62345678", "+861062345678");

    @TempDir
    Path state;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream console;

    @BeforeEach
    void productionLogging() throws Exception {
        console = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        configure(LogMaskingTest.class.getClassLoader().getResource("logback.xml"));
    }

    @AfterEach
    void testLogging() throws Exception {
        configure(LogMaskingTest.class.getClassLoader().getResource("logback-test.xml"));
        System.setOut(console);
    }

    private static void configure(URL file) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
    }

    @Test
    void noFullNumberReachesTheLogWhateverWritesIt() throws Exception {
        try (RunningHotline hotline = new RunningHotline(state, Map.of())) {
            ApiSession admin = hotline.admin();
            ApiSession agent = hotline.userLoggedIn("li.ming", "agent", "010");
            admin.put("/api/customers/%2B8613800138000", new JsonObject().put("name", "陈先生").encode());
            agent.get("/api/customers/%2B8613800138000");
            agent.get("/api/customers/13900000011");
            agent.get("/api/customers/010-62345678");
            agent.post("/api/cases", new JsonObject().put("what", "refund").put("category", "orders")
                    .put("contactPhone", "138 0013 8000").put("owner", "010").encode());
            admin.get("/api/cases?customer=%2B8613800138000");
            admin.post("/api/do-not-call", new JsonObject().put("number", "+86 139 0000 0011").put("reason", "asked").encode());
            admin.get("/api/do-not-call/%2B8613900000011");
            admin.post("/api/campaigns", new JsonObject().put("id", "masking").put("name", "masking").put("kind", "notification")
                    .put("message", "demo").put("contacts", new JsonArray().add(new JsonObject().put("number", "13800138000")))
                    .encode());
            var logger = LoggerFactory.getLogger("org.hotline.call.CallTracker");
            logger.info("call from {} to {}, transferred to +86 138 0013 8000", "+8613800138000", "010-62345678");
            logger.warn("dial failed", new IllegalStateException("PJSIP/13800138000 busy; callback +8613900000011"));
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("audit: li.ming customer.viewed").contains("138****8000");
        for (String number : FULL) {
            assertThat(log).as("the log holds " + number).doesNotContain(number);
        }
        // ids and times stay readable: an Asterisk uniqueid, an epoch, a port
        LoggerFactory.getLogger("org.hotline").info("channel 1765000000.42 at 1765000000123 on :38699");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("channel 1765000000.42 at 1765000000123 on :38699");
    }
}
