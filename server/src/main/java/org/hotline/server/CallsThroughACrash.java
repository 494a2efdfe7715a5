package org.hotline.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.hotline.recovery.StartupRecovery;
import org.hotline.telephony.ami.AmiEventTranslator;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.AsteriskStarts;
import org.hotline.telephony.ami.LiveChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every call's record whole when the server or Asterisk goes away: at the first AMI login,
 * the records an earlier run left open are settled and the calls Asterisk handled alone imported
 * (on a thread of their own, never in the way of answering); at each later login, calls Asterisk
 * no longer has are closed — as cut by Asterisk when it started again in between.
 */
final class CallsThroughACrash {

    private static final Logger LOG = LoggerFactory.getLogger(CallsThroughACrash.class);

    /** Calls Asterisk's fallback still holds at start-up are looked at again this often, for this long. */
    private static final java.time.Duration STRAGGLERS_EVERY = java.time.Duration.ofSeconds(10);
    private static final java.time.Duration STRAGGLERS_FOR = java.time.Duration.ofMinutes(30);

    private final StartupRecovery recovery;
    private final SerialCallEvents events;
    private final Instant serverStartedAt;
    private final Clock clock;
    private final AsteriskStarts starts = new AsteriskStarts();
    private final AtomicBoolean settled = new AtomicBoolean();

    CallsThroughACrash(StartupRecovery recovery, SerialCallEvents events, Instant serverStartedAt, Clock clock) {
        this.recovery = recovery;
        this.events = events;
        this.serverStartedAt = serverStartedAt;
        this.clock = clock;
    }

    /** On the AMI thread: only notes Asterisk's announced shutdown. */
    void onEvent(ManagerEvent event) {
        if (event instanceof ShutdownEvent) {
            LOG.warn("Asterisk is shutting down: the calls it has are recorded as lost with it");
            events.asteriskGoingAway(AmiEventTranslator.timeOf(event, clock));
        }
    }

    /** After every AMI login, on the link's own virtual thread. */
    void afterLogin(AmiLink link) {
        Instant loggedInAt = clock.instant();
        boolean restarted = starts.restartedSinceLastLogin(link);
        Set<String> live;
        try {
            live = LiveChannels.read(link);
        } catch (Exception e) {
            LOG.warn("could not re-read live channels: {}", e.getMessage());
            if (settled.compareAndSet(false, true)) {
                events.done(); // nothing to adopt from: events of unknown channels need not be kept
                LOG.warn("records an earlier run left open are settled at the next start (Asterisk's channels could not be read)");
            }
            return;
        }
        events.keepOnly(live, restarted ? link.droppedAt().orElse(loggedInAt) : null);
        if (settled.compareAndSet(false, true)) {
            Thread.ofVirtual().name("calls-through-a-crash").start(() -> {
                try {
                    recovery.run(serverStartedAt, loggedInAt, live);
                    Instant giveUpAt = clock.instant().plus(STRAGGLERS_FOR);
                    while (recovery.importStragglers() && clock.instant().isBefore(giveUpAt)) {
                        Thread.sleep(STRAGGLERS_EVERY);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("records an earlier run left open not settled now ({}); the next start tries again", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
