package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * Asterisk asks the configured servers in turn for every FastAGI script: the first has nothing
 * listening (refused: skipped at once), the second is stopped (SIGSTOP: it accepts and says
 * nothing, so it is left at the answer deadline), the third is alive. Every caller is answered and
 * served by the third within three rings, by Asterisk's timestamps, and its record is complete.
 * With none alive, the fallback answers and holds the caller as with one server down.
 */
class ServerListIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    /** The answer deadline (answer.serverDeadlineSeconds): what the stopped server costs a caller. */
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void aRefusingAndAStoppedServerAreSkippedAndTheLiveOneAnswersWithinThreeRings() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        // Bound and never listening: connections to it are refused, and nothing else can take the port meanwhile.
        java.net.Socket nothingListening = new java.net.Socket();
        nothingListening.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        java.net.Socket nothingListeningEither = new java.net.Socket();
        nothingListeningEither.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
        int dead = nothingListening.getLocalPort();
        int stoppedPort = FreePorts.tcp();
        int livePort = FreePorts.tcp();
        String servers = "127.0.0.1:" + dead + ",127.0.0.1:" + stoppedPort + ",127.0.0.1:" + livePort;
        List<NewChannelEvent> calls = new ArrayList<>();
        try (nothingListening; nothingListeningEither; TestAmi ami = new TestAmi(asterisk)) {
            try (ServerProcess stopped = ServerProcess.start(asterisk, "server_list_stopped_" + System.nanoTime(),
                    "server-list-stopped", Map.of("HOTLINE_AGI_PORT", String.valueOf(stoppedPort), "HOTLINE_AGI_SERVERS", servers),
                    true)) {
                stopped.freeze();
                String database = "server_list_live_" + System.nanoTime();
                try (ServerProcess live = ServerProcess.start(asterisk, database, "server-list-live",
                        Map.of("HOTLINE_AGI_PORT", String.valueOf(livePort), "HOTLINE_AGI_SERVERS", servers), true)) {
                    assertThat(asterisk.cli("dialplan show globals")).contains("HOTLINE_AGI_SERVERS=" + servers);
                    for (int n = 0; n < 4; n++) {
                        calls.add(ami.callHotline("10000", "<138000003" + (10 + n) + ">"));
                        Thread.sleep(2_000);
                    }
                    for (NewChannelEvent call : calls) {
                        ami.awaitCommand(call, "/menu", Duration.ofSeconds(30));
                        ami.press(call, '2');
                    }
                    List<Duration> rings = new ArrayList<>();
                    for (NewChannelEvent call : calls) {
                        ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
                        rings.add(FirstRings.ring(ami, call));
                    }
                    // Each rang through the stopped server's deadline, and no longer than three rings.
                    assertThat(rings).allSatisfy(ring -> assertThat(ring).isBetween(DEADLINE.minusMillis(100), THREE_RINGS));

                    for (NewChannelEvent call : calls) {
                        assertThat(FirstRings.greetings(ami, call)).as("greetings of %s", call.getUniqueId()).isOne();
                        assertThat(FirstRings.dialplanPlaybacks(ami, call)).as("the fallback's prompts").isEmpty();
                        assertThat(ami.events().stream().anyMatch(e -> e instanceof AgiExecStartEvent s
                                && call.getUniqueId().equals(s.getUniqueId()) && "ANSWER".equals(s.getCommand())))
                                .as("the live server answered %s", call.getUniqueId()).isTrue();

                        Instant answered = FirstRings.answeredAt(ami, call);
                        JsonObject record = live.completedRecord(call.getUniqueId());
                        assertThat(record.getString("answeredBy")).as(record.encodePrettily()).isNull();
                        assertThat(Instant.parse(record.getString("answeredAt"))).isCloseTo(answered, within(5, ChronoUnit.MILLIS));
                        assertThat(Instant.parse(record.getString("arrivalAt")))
                                .isBetween(TestAmi.at(call).minusMillis(20), TestAmi.at(call).plusMillis(20));
                        assertThat(record.getJsonObject("answer").getBoolean("withinRule")).as(record.encodePrettily()).isTrue();
                        assertThat(record.getJsonObject("greeting").getString("startedAt")).isNotNull();
                    }
                    System.out.printf("ServerListIT: %d calls past a refusing and a stopped server, longest ring %d ms%n",
                            calls.size(), java.util.Collections.max(rings).toMillis());
                } finally {
                    stopped.thaw();
                }
            }

            // No server alive: the fallback answers within three rings, greets and holds, then closes politely.
            try {
                asterisk.cli("dialplan set global HOTLINE_HOLD 12");
                asterisk.cli("dialplan set global HOTLINE_AGI_SERVERS 127.0.0.1:" + dead + ",127.0.0.1:"
                        + nothingListeningEither.getLocalPort());
                NewChannelEvent call = ami.callHotline("10000", "<13800000320>");
                assertThat(FirstRings.ring(ami, call)).isLessThanOrEqualTo(THREE_RINGS);
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
                assertThat(FirstRings.dialplanPlaybacks(ami, call))
                        .containsExactly("hotline/zh/greeting", "hotline/zh/hold-on", "hotline/zh/fallback");
            } finally {
                asterisk.cli("dialplan set global HOTLINE_HOLD 120");
                asterisk.cli("dialplan set global HOTLINE_AGI_SERVERS 127.0.0.1:" + AsteriskSandbox.AGI_PORT);
            }
        }
    }
}
