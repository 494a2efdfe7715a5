package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

/**
 * The server stopped for 30 s (SIGSTOP: a long pause or a deadlock looks the same to Asterisk,
 * which can still connect to it) while calls keep coming: Asterisk's deadline hands every new
 * caller to its own fallback, which answers within three rings, greets once and keeps them on
 * hold; once the server goes on, it takes each of them back at the menu, and their records carry
 * their first ring and "answered by the fallback".
 */
class FrozenServerIT {

    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    private static final Duration FROZEN = Duration.ofSeconds(30);

    @Test
    void aServerStoppedForThirtySecondsLeavesNobodyRingingAndTakesEveryHeldCallerBackAtTheMenu() throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String database = "frozen_server_it_" + System.nanoTime();
        try (TestAmi ami = new TestAmi(asterisk);
             ServerProcess server = ServerProcess.start(asterisk, database, "frozen-server")) {
            // Two callers already with the server when it stops: one at the menu, one in the greeting.
            NewChannelEvent atMenu = ami.callHotline("10000", "<13800000101>");
            ami.awaitCommand(atMenu, "/menu", Duration.ofSeconds(20));
            NewChannelEvent inGreeting = ami.callHotline("10000", "<13800000102>");
            ami.awaitCommand(inGreeting, "/greeting", Duration.ofSeconds(20));

            server.freeze();
            long frozenAt = System.nanoTime();
            List<NewChannelEvent> held = new ArrayList<>();
            Instant thawedAt;
            try {
                for (int n = 0; n < 11; n++) { // one every 2.5 s for the first 25 s
                    held.add(ami.callHotline("10000", "<1380000" + (2000 + n) + ">"));
                    Thread.sleep(2_500);
                }
                Thread.sleep(Math.max(0, FROZEN.toMillis() - (System.nanoTime() - frozenAt) / 1_000_000));
            } finally {
                server.thaw();
                thawedAt = Instant.now();
            }

            List<NewChannelEvent> everyone = new ArrayList<>(held);
            everyone.add(atMenu);
            everyone.add(inGreeting);
            // Each caller hears the server's menu again once it goes on, and chooses after-sales.
            for (NewChannelEvent call : everyone) {
                ami.awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                        && s.getCommand().contains("/menu") && TestAmi.at(e).isAfter(thawedAt), Duration.ofSeconds(40));
                ami.press(call, '2');
            }
            for (NewChannelEvent call : everyone) {
                ami.awaitOn(call.getUniqueId(), HangupEvent.class::isInstance, Duration.ofSeconds(60));
            }

            Duration longest = Duration.ZERO;
            for (NewChannelEvent call : everyone) {
                Duration ring = FirstRings.ring(ami, call);
                longest = ring.compareTo(longest) > 0 ? ring : longest;
                assertThat(ring).as("ring of %s", call.getUniqueId()).isLessThanOrEqualTo(THREE_RINGS);
                assertThat(FirstRings.greetings(ami, call)).as("greetings of %s", call.getUniqueId()).isEqualTo(1);
            }
            System.out.printf("FrozenServerIT: %d calls during a %d s freeze, longest ring %d ms%n",
                    held.size(), FROZEN.toSeconds(), longest.toMillis());

            int byFallback = 0;
            for (NewChannelEvent call : held) {
                Instant answered = FirstRings.answeredAt(ami, call);
                // A call can reach the server just as it goes on, before the deadline: then the server answered it.
                boolean serverAnswered = ami.events().stream().anyMatch(e -> e instanceof AgiExecStartEvent s
                        && call.getUniqueId().equals(s.getUniqueId()) && "ANSWER".equals(s.getCommand()));
                JsonObject record = server.completedRecord(call.getUniqueId());
                if (!serverAnswered) {
                    byFallback++;
                    assertThat(record.getString("answeredBy")).as(record.encodePrettily()).isEqualTo("fallback");
                    assertThat(Instant.parse(record.getJsonObject("fallback").getString("answeredAt")))
                            .as(record.encodePrettily()).isCloseTo(answered, within(5, ChronoUnit.MILLIS));
                } else {
                    assertThat(record.getString("answeredBy")).as(record.encodePrettily()).isNull();
                }
                // Asterisk's AMI answer event, or its CDR's answer stamp when the server took the caller back
                // before reading the events it missed while stopped: the same moment, to the millisecond or two.
                assertThat(Instant.parse(record.getString("answeredAt"))).isCloseTo(answered, within(5, ChronoUnit.MILLIS));
                assertThat(Instant.parse(record.getString("arrivalAt")))
                        .isBetween(TestAmi.at(call).minusMillis(20), TestAmi.at(call).plusMillis(20));
                assertThat(record.getJsonObject("answer").getBoolean("withinRule")).as(record.encodePrettily()).isTrue();
                assertThat(record.getJsonObject("greeting").getString("startedAt")).isNotNull();
                assertThat(record.getJsonObject("fallback").getString("takenBackAt")).isNotNull();
            }
            assertThat(byFallback).as("calls the fallback answered while the server was stopped").isGreaterThanOrEqualTo(held.size() - 2);
        }
    }
}
