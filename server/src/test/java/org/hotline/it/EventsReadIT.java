package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.asteriskjava.manager.event.AgiExecEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.hotline.config.HotlineConfig;
import org.hotline.telephony.ami.AmiLink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's AMI session receives the events it reads and no others, by the filter it asks of
 * Asterisk at login; compared, call by call, with a session of the test's own that receives all.
 */
class EventsReadIT {

    /** Asterisk's names of the events the server reads (the classes of the library, less "Event"). */
    private static final List<String> READ = List.of("newchannel", "newcallerid", "newstate", "hangup", "hanguprequest",
            "softhanguprequest", "dialbegin", "dialend", "bridgeenter", "bridgeleave", "dtmfend", "originateresponse",
            "contactstatus", "shutdown", "fullybooted", "agiexecstart", "agiexecend");

    private static AsteriskSandbox asterisk;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        asterisk = AsteriskSandbox.start();
        server = TestServer.start(asterisk, "events_it_" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theServersSessionGetsTheCallsEventsItReadsAndNoneOfTheRest() throws Exception {
        Queue<ManagerEvent> filtered = new ConcurrentLinkedQueue<>();
        HotlineConfig.Ami ami = new HotlineConfig.Ami("127.0.0.1", asterisk.amiPort(), "hotline", asterisk.amiSecret());
        try (AmiLink link = new AmiLink(ami, filtered::add, logged -> filtered.add(new LoggedIn(logged)));
                TestAmi all = new TestAmi(asterisk)) {
            link.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> filtered.stream().anyMatch(LoggedIn.class::isInstance));

            NewChannelEvent call = all.callHotline("10000", "<3001>");
            all.awaitCommand(call, "/greeting", Duration.ofSeconds(15));
            all.hangUp(call);
            String id = call.getUniqueId();
            all.awaitOn(id, HangupEvent.class::isInstance, Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> of(filtered.stream(), id).anyMatch(HangupEvent.class::isInstance));

            List<ManagerEvent> everything = of(all.events().stream(), id).toList();
            List<ManagerEvent> received = of(filtered.stream(), id).toList();
            System.out.printf("call %s: the server's session got %d of the %d events of a session that asks all%n",
                    id, received.size(), everything.size());

            // what the server needs of the call, as Asterisk sent it
            assertThat(received).anyMatch(NewChannelEvent.class::isInstance).anyMatch(NewStateEvent.class::isInstance)
                    .anyMatch(HangupEvent.class::isInstance)
                    .anyMatch(e -> e instanceof AgiExecStartEvent s && s.getCommand().contains("/greeting"));
            // the rest of the call's events never reached it
            assertThat(everything).anyMatch(e -> e instanceof AgiExecStartEvent s && !s.getCommand().contains("/greeting"))
                    .anyMatch(e -> !READ.contains(name(e)));
            assertThat(received).allSatisfy(e -> assertThat(name(e)).isIn(READ))
                    .noneMatch(e -> e instanceof AgiExecEvent agi && !agi.getCommand().contains("/greeting"));
            assertThat(received.size()).isLessThan(everything.size() / 2);
        }
    }

    private static Stream<ManagerEvent> of(Stream<ManagerEvent> events, String uniqueId) {
        return events.filter(e -> !(e instanceof UserEvent) && uniqueId.equals(TestAmi.uniqueIdOf(e)));
    }

    private static String name(ManagerEvent event) {
        Class<?> type = event.getClass();
        while (!type.getPackageName().startsWith("org.asteriskjava")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName().replaceFirst("Event$", "").toLowerCase(Locale.ROOT);
    }

    /** Marks the link's first login in the events it handed on. */
    private static final class LoggedIn extends ManagerEvent {
        private static final long serialVersionUID = 1L;

        LoggedIn(Object source) {
            super(source);
        }
    }
}
