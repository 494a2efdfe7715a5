package org.hotline.it;

import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;

/**
 * What a caller heard first, by Asterisk's own AMI events: how long their call rang before the
 * channel went up, and how many times a greeting began (the server's STREAM FILE or the
 * fallback's Playback).
 */
final class FirstRings {

    private static final int UP = 6;

    private FirstRings() {
    }

    /** Channel created to channel up, by Asterisk's timestamps; waits up to 15 s for the answer. */
    static Duration ring(TestAmi ami, NewChannelEvent call) throws InterruptedException {
        ManagerEvent up = ami.awaitOn(call.getUniqueId(), e -> e instanceof NewStateEvent s
                && Integer.valueOf(UP).equals(s.getChannelState()), Duration.ofSeconds(15));
        return Duration.between(TestAmi.at(call), TestAmi.at(up));
    }

    static Instant answeredAt(TestAmi ami, NewChannelEvent call) throws InterruptedException {
        return TestAmi.at(ami.awaitOn(call.getUniqueId(), e -> e instanceof NewStateEvent s
                && Integer.valueOf(UP).equals(s.getChannelState()), Duration.ofSeconds(15)));
    }

    /** Greetings begun on this call, by the server or by the dialplan's fallback. */
    static long greetings(TestAmi ami, NewChannelEvent call) {
        String id = call.getUniqueId();
        return ami.events().stream().filter(e -> switch (e) {
            case AgiExecStartEvent agi -> id.equals(agi.getUniqueId()) && agi.getCommand() != null
                    && agi.getCommand().contains("/greeting");
            case NewExtenEvent exten -> id.equals(exten.getUniqueId()) && "Playback".equals(exten.getApplication())
                    && exten.getAppData() != null && exten.getAppData().endsWith("/greeting");
            default -> false;
        }).count();
    }

    /** Prompts the dialplan itself played on this call (the fallback), in order. */
    static java.util.List<String> dialplanPlaybacks(TestAmi ami, NewChannelEvent call) {
        return ami.events().stream()
                .filter(e -> e instanceof NewExtenEvent n && call.getUniqueId().equals(n.getUniqueId())
                        && "Playback".equals(n.getApplication()))
                .map(e -> ((NewExtenEvent) e).getAppData())
                .toList();
    }
}
