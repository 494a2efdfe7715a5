package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the server down, or gone mid-call, Asterisk's own dialplan still answers, greets and closes. */
class FallbackIT {

    private static AsteriskSandbox asterisk;
    private static TestAmi ami;

    @BeforeAll
    static void start() throws Exception {
        asterisk = AsteriskSandbox.start();
        ami = new TestAmi(asterisk);
    }

    @AfterAll
    static void stop() {
        if (ami != null) {
            ami.close();
        }
    }

    @Test
    void withTheServerDownACallIsStillAnsweredWithinThreeRingsAndHearsTheGreeting() throws Exception {
        NewChannelEvent call = ami.callHotline("10000", "<2001>");
        String id = call.getUniqueId();

        NewStateEvent up = (NewStateEvent) ami.await(e -> e instanceof NewStateEvent s && id.equals(s.getUniqueId())
                && Integer.valueOf(6).equals(s.getChannelState()), Duration.ofSeconds(10));
        assertThat(Duration.between(TestAmi.at(call), TestAmi.at(up))).isLessThanOrEqualTo(Duration.ofSeconds(9));

        ami.await(e -> e instanceof HangupEvent h && id.equals(h.getUniqueId()), Duration.ofSeconds(40));
        assertThat(playbacks(id)).containsExactly("hotline/zh/greeting", "hotline/zh/fallback");
    }

    @Test
    void whenTheServerGoesAwayMidCallTheDialplanClosesTheCallWithoutGreetingTwice() throws Exception {
        String id;
        try (TestServer server = TestServer.start(asterisk, "fallback_it_" + System.nanoTime())) {
            NewChannelEvent call = ami.callHotline("10000", "<2002>");
            id = call.getUniqueId();
            ami.await(e -> e instanceof AgiExecEndEvent end && id.equals(end.getUniqueId())
                    && end.getCommand().contains("/greeting"), Duration.ofSeconds(20));
        }
        ami.await(e -> e instanceof HangupEvent h && id.equals(h.getUniqueId()), Duration.ofSeconds(40));
        assertThat(playbacks(id)).containsExactly("hotline/zh/fallback");
    }

    private static List<String> playbacks(String id) {
        return ami.events().stream()
                .filter(e -> e instanceof NewExtenEvent n && id.equals(n.getUniqueId()) && "Playback".equals(n.getApplication()))
                .map(e -> ((NewExtenEvent) e).getAppData())
                .toList();
    }

}
