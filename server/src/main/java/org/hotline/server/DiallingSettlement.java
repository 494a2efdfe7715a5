package org.hotline.server;

import org.hotline.floor.Floor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.audit.CallbackTrace;
import org.hotline.audit.CelFiles;
import org.hotline.audit.CelLog;
import org.hotline.call.CallbackOutcome;
import org.hotline.routing.UnsettledDial;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.LiveChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the callback tries a stopped server left "dialling", from what Asterisk saw: a try whose
 * agent leg is still a live channel is a conversation going on (waited for, the agent's phone busy
 * meanwhile); a try that is over is read from Asterisk's channel event log (CEL). Nothing is ever
 * dialled again on a guess: a try Asterisk cannot tell about stays held, and is logged.
 */
final class DiallingSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(DiallingSettlement.class);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    /** A conversation longer than this after a restart is left to a supervisor. */
    private static final Duration LONGEST_WAIT = Duration.ofHours(4);
    /** CEL rows are written as events happen; a moment for the last of them to reach the file. */
    private static final Duration LOG_SETTLES = Duration.ofSeconds(1);

    private final java.util.Set<UnsettledDial> unsettled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Floor floor;
    private final CelFiles celFiles;
    private final Clock clock;
    private boolean running; // guarded by this

    DiallingSettlement(List<UnsettledDial> unsettled, Floor floor, CelFiles celFiles, Clock clock) {
        this.unsettled.addAll(unsettled);
        this.floor = floor;
        this.celFiles = celFiles;
        this.clock = clock;
    }

    /**
     * After each AMI login: settles, on a thread of its own, every try not settled yet (one the last
     * login could not settle, e.g. the link dropped meanwhile, is tried again).
     */
    void start(List<AmiLink> nodes) {
        synchronized (this) {
            if (running || unsettled.isEmpty()) {
                return;
            }
            running = true;
        }
        Thread.ofVirtual().name("dialling-settlement").start(() -> {
            try {
                for (UnsettledDial dial : List.copyOf(unsettled)) {
                    if (settle(dial, nodes)) {
                        unsettled.remove(dial);
                    }
                }
            } finally {
                synchronized (this) {
                    running = false;
                }
            }
        });
    }

    /** Returns whether the try is settled (or left for a supervisor for good); false to try again at the next login. */
    private boolean settle(UnsettledDial dial, List<AmiLink> nodes) {
        Instant waitUntil = clock.instant().plus(LONGEST_WAIT);
        try {
            while (live(nodes).contains(dial.channel())) {
                if (clock.instant().isAfter(waitUntil)) {
                    LOG.warn("callback {}: its try is still a live channel after {}; left for a supervisor", dial.request(), LONGEST_WAIT);
                    return true;
                }
                Thread.sleep(LOOK_EVERY); // the agent still talks to the customer: their outcome comes when they hang up
            }
            Thread.sleep(LOG_SETTLES);
            Optional<CelLog> log = read(dial);
            if (log.isEmpty()) {
                LOG.warn("callback {}: Asterisk's channel event log {} cannot be read; its try is held, not dialled again",
                        dial.request(), celFiles);
                return false;
            }
            Optional<CallbackTrace> trace = CallbackTrace.of(log.get(), dial.channel());
            if (trace.isEmpty()) {
                LOG.info("callback {}: Asterisk never placed its try {}; back in line", dial.request(), dial.channel());
                floor.settle(dial, null, null, null, clock.instant());
                return true;
            }
            CallbackTrace seen = trace.get();
            CallbackOutcome outcome = seen.agentAnsweredAt() == null || !seen.customerDialled() ? CallbackOutcome.AGENT_NO_ANSWER
                    : seen.customerAnsweredAt() != null ? CallbackOutcome.CUSTOMER_ANSWERED : CallbackOutcome.CUSTOMER_NO_ANSWER;
            LOG.info("callback {}: try {} settled from Asterisk's log: {}", dial.request(), dial.channel(), outcome);
            floor.settle(dial, outcome, seen.agentRangAt(), seen.customerAnsweredAt(), seen.endedAt());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("callback {}: its try could not be settled now ({}); held, not dialled again, tried again at the next AMI login",
                    dial.request(), e.toString());
            return false;
        }
    }

    /** The live channels of every node (the try may be on any); a node that cannot say fails the look, to be tried again. */
    private static Set<String> live(List<AmiLink> nodes) throws Exception {
        Set<String> live = new java.util.HashSet<>();
        for (AmiLink node : nodes) {
            live.addAll(LiveChannels.read(node));
        }
        return live;
    }

    private Optional<CelLog> read(UnsettledDial dial) {
        if (!celFiles.readable()) {
            return Optional.empty();
        }
        try {
            return Optional.of(celFiles.read(dial.since().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(1))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
