package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.asteriskjava.manager.event.AgiExecEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A real call from a known customer's number, through the greeting, the menu and the customer file,
 * with the server logging as in production (logback.xml): the captured log holds the call, and never
 * the caller's full number.
 */
class LogMaskingIT {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static final PrintStream CONSOLE = System.out;

    static {
        // before the server starts: its whole life is logged as in production
        System.setOut(new PrintStream(CAPTURED, true, StandardCharsets.UTF_8));
        configure(LogMaskingIT.class.getClassLoader().getResource("logback.xml"));
    }

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("log_masking_it");

    @AfterAll
    static void testLogging() {
        configure(LogMaskingIT.class.getClassLoader().getResource("logback-test.xml"));
        System.setOut(CONSOLE);
    }

    private static void configure(URL file) {
        try {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(file);
        } catch (Exception e) {
            throw new IllegalStateException("logging not configured from " + file, e);
        }
    }

    @Test
    void aCallFromAKnownCustomerLeavesNoFullNumberInTheLog() throws Exception {
        hotline.server().put("/api/customers/%2B8613800138000", new JsonObject().put("name", "陈先生").put("vip", true).encode());
        NewChannelEvent call = hotline.ami().callHotline("10000", "\"Chen\" <13800138000>");
        String id = call.getUniqueId();
        hotline.ami().await(e -> e instanceof AgiExecStartEvent start && id.equals(start.getUniqueId())
                && ((AgiExecEvent) e).getCommand() != null && start.getCommand().contains("/menu"), Duration.ofSeconds(30));
        hotline.ami().hangUp(call);
        hotline.ami().await(e -> e instanceof HangupEvent h && id.equals(h.getUniqueId()), Duration.ofSeconds(30));
        JsonObject record = hotline.server().awaitFinishedRecord(id);
        hotline.server().get("/api/calls/" + id);
        hotline.server().get("/api/customers/%2B8613800138000");

        String log = CAPTURED.toString(StandardCharsets.UTF_8);
        assertThat(record.encode()).as("the record keeps the full number; the log must not").contains("13800138000");
        assertThat(log).contains("Hotline up").contains("customer.viewed").contains("138****8000");
        assertThat(log).doesNotContain("13800138000").doesNotContain("138 0013 8000");
    }
}
