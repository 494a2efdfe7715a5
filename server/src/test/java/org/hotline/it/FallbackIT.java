package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the server down, gone mid-call, or silent (it accepts Asterisk's connection and says
 * nothing), Asterisk's own dialplan still answers within three rings, greets once, keeps the
 * caller on hold asking the server again, and at the end of the hold closes the call politely.
 */
class FallbackIT {

    /** A short hold, so the fallback's last words come within the test (the configuration's is 2 minutes). */
    private static final String HOLD_SECONDS = "12";
    private static final Duration THREE_RINGS = Duration.ofSeconds(9);

    private static AsteriskSandbox asterisk;
    private static TestAmi ami;

    @BeforeAll
    static void start() throws Exception {
        asterisk = AsteriskSandbox.start();
        ami = new TestAmi(asterisk);
        asterisk.cli("dialplan set global HOTLINE_HOLD " + HOLD_SECONDS);
    }

    @AfterAll
    static void stop() {
        if (ami != null) {
            ami.close();
        }
        // a server logging in sets the configured hold again; this is for runs without one
        asterisk.cli("dialplan set global HOTLINE_HOLD 120");
    }

    @Test
    void withTheServerDownACallIsStillAnsweredWithinThreeRingsGreetedHeldAndClosedPolitely() throws Exception {
        NewChannelEvent call = ami.callHotline("10000", "<2001>");

        assertThat(FirstRings.ring(ami, call)).isLessThanOrEqualTo(THREE_RINGS);
        ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
        assertThat(FirstRings.dialplanPlaybacks(ami, call))
                .containsExactly("hotline/zh/greeting", "hotline/zh/hold-on", "hotline/zh/fallback");
    }

    @Test
    void whenTheServerGoesAwayMidCallTheDialplanClosesTheCallWithoutGreetingTwice() throws Exception {
        NewChannelEvent call;
        try (TestServer server = TestServer.start(asterisk, "fallback_it_" + System.nanoTime(),
                Map.of("HOTLINE_FALLBACK_HOLD", HOLD_SECONDS))) {
            call = ami.callHotline("10000", "<2002>");
            String id = call.getUniqueId();
            ami.await(e -> e instanceof AgiExecEndEvent end && id.equals(end.getUniqueId())
                    && end.getCommand().contains("/greeting"), Duration.ofSeconds(20));
        }
        ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
        assertThat(FirstRings.dialplanPlaybacks(ami, call)).containsExactly("hotline/zh/hold-on", "hotline/zh/fallback");
        assertThat(FirstRings.greetings(ami, call)).isEqualTo(1);
    }

    @Test
    void aServerThatAcceptsAndSaysNothingLeavesNobodyRingingPastThreeRings() throws Exception {
        String agi = asterisk.cli("dialplan show globals").contains("HOTLINE_AGI_SERVERS=127.0.0.1:" + AsteriskSandbox.AGI_PORT)
                ? "127.0.0.1:" + AsteriskSandbox.AGI_PORT : null;
        assertThat(agi).as("the sandbox's FastAGI server").isNotNull();
        List<NewChannelEvent> calls = new ArrayList<>();
        try (SilentListener silent = new SilentListener()) {
            asterisk.cli("dialplan set global HOTLINE_AGI_SERVERS 127.0.0.1:" + silent.port());
            for (int n = 0; n < 6; n++) {
                calls.add(ami.callHotline("10000", "<200" + (3 + n) + ">"));
                Thread.sleep(2_000);
            }
            for (NewChannelEvent call : calls) {
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
            }
            assertThat(silent.accepted()).as("connections the silent listener took").isGreaterThanOrEqualTo(calls.size());
        } finally {
            asterisk.cli("dialplan set global HOTLINE_AGI_SERVERS " + agi);
        }
        Duration longest = Duration.ZERO;
        for (NewChannelEvent call : calls) {
            Duration ring = FirstRings.ring(ami, call);
            longest = ring.compareTo(longest) > 0 ? ring : longest;
            assertThat(ring).as("ring of %s", call.getUniqueId()).isLessThanOrEqualTo(THREE_RINGS);
            assertThat(FirstRings.dialplanPlaybacks(ami, call))
                    .containsExactly("hotline/zh/greeting", "hotline/zh/hold-on", "hotline/zh/fallback");
        }
        System.out.printf("FallbackIT: %d calls to a silent FastAGI listener, longest ring %d ms%n", calls.size(), longest.toMillis());
    }

    /** A FastAGI "server" that accepts every connection and never says a word. */
    private static final class SilentListener implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::acceptAll);

        SilentListener() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        private void acceptAll() {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
            acceptor.interrupt();
        }
    }
}
