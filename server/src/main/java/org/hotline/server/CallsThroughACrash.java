package org.hotline.server;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.hotline.call.NodeCalls;
import org.hotline.recovery.StartupRecovery;
import org.hotline.telephony.ami.AmiEventTranslator;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.AsteriskNodes;
import org.hotline.telephony.ami.AsteriskStarts;
import org.hotline.telephony.ami.LiveChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every call's record whole when the server or an Asterisk node goes away: once every node has
 * been logged in to, the records an earlier run left open are settled and the calls Asterisk handled
 * alone imported (on a thread of their own, never in the way of answering); at each later login of a
 * node, that node's calls it no longer has are closed — as cut by it when it started again in between.
 * With several nodes, a node whose link stays down is lost: its calls are closed as lost with it, at
 * the moment its link dropped.
 */
final class CallsThroughACrash {

    private static final Logger LOG = LoggerFactory.getLogger(CallsThroughACrash.class);

    /** Calls Asterisk's fallback still holds at start-up are looked at again this often, for this long. */
    private static final java.time.Duration STRAGGLERS_EVERY = java.time.Duration.ofSeconds(10);
    private static final java.time.Duration STRAGGLERS_FOR = java.time.Duration.ofMinutes(30);
    private static final java.time.Duration STORE_POLL = java.time.Duration.ofSeconds(1);
    /**
     * A node whose link is not back this long after it dropped is taken as lost (killed, its machine gone):
     * longer than the library's first reconnects, short against a caller's patience.
     */
    static final java.time.Duration NODE_LOST_AFTER = java.time.Duration.ofSeconds(5);
    /**
     * With several nodes, the records an earlier run left open are settled this long after the first
     * node's login even if another node has not been reached: a node down at start-up may not come back.
     */
    static final java.time.Duration SETTLE_WITHOUT_A_NODE_AFTER = java.time.Duration.ofSeconds(30);

    private final StartupRecovery recovery;
    private final SerialCallEvents events;
    private final AsteriskNodes nodes;
    private final Instant serverStartedAt;
    private final Clock clock;
    private final java.util.function.BooleanSupplier storeUp;
    private final Map<String, AsteriskStarts> starts = new ConcurrentHashMap<>();
    /** Each node's channels at its first login: start-up's settling waits for every node's, for a while. */
    private final FirstLogins firstLogins;
    private final int nodeCount;
    /** The first login of any node: the server follows calls from then on. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> followingSince = new java.util.concurrent.atomic.AtomicReference<>();

    CallsThroughACrash(StartupRecovery recovery, SerialCallEvents events, AsteriskNodes nodes, List<String> nodeNames,
                       Instant serverStartedAt, Clock clock, java.util.function.BooleanSupplier storeUp) {
        this.storeUp = storeUp;
        this.recovery = recovery;
        this.events = events;
        this.nodes = nodes;
        this.nodeCount = nodeNames.size();
        this.firstLogins = new FirstLogins(nodeNames);
        this.serverStartedAt = serverStartedAt;
        this.clock = clock;
    }

    /** On the node's AMI thread: only notes its announced shutdown, or its link dropping. */
    void onEvent(AmiLink link, ManagerEvent event) {
        if (event instanceof ShutdownEvent) {
            LOG.warn("Asterisk node {} is shutting down: the calls it has are recorded as lost with it", link.node());
            events.asteriskGoingAway(callsOf(link), AmiEventTranslator.timeOf(event, clock));
        } else if (event instanceof DisconnectEvent && nodeCount > 1 && !link.closed()) {
            Instant droppedAt = link.droppedAt().orElse(clock.instant());
            Thread.ofVirtual().name("node-lost-" + link.node()).start(() -> {
                try {
                    Thread.sleep(NODE_LOST_AFTER);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!link.isConnected() && !link.closed() && link.droppedAt().filter(droppedAt::equals).isPresent()) {
                    LOG.warn("Asterisk node {} lost (no AMI link since {}): its calls are recorded as lost with it", link.node(), droppedAt);
                    events.nodeLost(callsOf(link), droppedAt);
                }
            });
        }
    }

    /** After every AMI login of a node, on its link's own virtual thread. */
    void afterLogin(AmiLink link) {
        Instant loggedInAt = clock.instant();
        if (followingSince.compareAndSet(null, loggedInAt) && nodeCount > 1) {
            Thread.ofVirtual().name("settle-without-a-node").start(this::settleWithoutTheNodesNotReached);
        }
        boolean restarted = starts.computeIfAbsent(link.node(), node -> new AsteriskStarts()).restartedSinceLastLogin(link);
        Set<String> live;
        try {
            live = LiveChannels.read(link);
        } catch (Exception e) {
            LOG.warn("could not re-read node {}'s live channels: {}", link.node(), e.getMessage());
            if (firstLogins.giveUp()) {
                events.done(); // nothing to adopt from: events of unknown channels need not be kept
                LOG.warn("records an earlier run left open are settled at the next start (Asterisk's channels could not be read)");
            }
            return;
        }
        nodes.listed(link.node(), live);
        events.keepOnly(callsOf(link), live, restarted ? link.droppedAt().orElse(loggedInAt) : null);
        Optional<Map<String, Set<String>>> everyNode = firstLogins.loggedIn(link.node(), live);
        if (everyNode.isEmpty() && !firstLogins.unreached().isEmpty()) {
            LOG.info("records an earlier run left open are settled once every node is logged in to ({} of {}), or in {} s",
                    firstLogins.reached(), nodeCount, SETTLE_WITHOUT_A_NODE_AFTER.toSeconds());
        }
        everyNode.ifPresent(this::settle);
    }

    private void settleWithoutTheNodesNotReached() {
        try {
            Thread.sleep(SETTLE_WITHOUT_A_NODE_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<String> unreached = firstLogins.unreached();
        firstLogins.waitedLongEnough().ifPresent(reached -> {
            LOG.warn("node(s) {} not reached {} s after start-up: records an earlier run left open are settled without them "
                    + "(their calls are taken as lost with them)", unreached, SETTLE_WITHOUT_A_NODE_AFTER.toSeconds());
            settle(reached);
        });
    }

    /** Settles the records an earlier run left open, given the channels each node reached had at its first login. */
    private void settle(Map<String, Set<String>> firstLive) {
        Thread.ofVirtual().name("calls-through-a-crash").start(() -> {
            try {
                Map<String, String> found = nodeOfChannels(firstLive);
                if (!storeUp.getAsBoolean()) {
                    LOG.info("records an earlier run left open are settled once MongoDB answers");
                    while (!storeUp.getAsBoolean()) {
                        Thread.sleep(STORE_POLL);
                    }
                    found = liveNow(); // what the nodes still have now, not at the login
                }
                events.channelsFoundOn(found);
                recovery.run(serverStartedAt, followingSince.get(), found.keySet());
                Instant giveUpAt = clock.instant().plus(STRAGGLERS_FOR);
                while (recovery.importStragglers() && clock.instant().isBefore(giveUpAt)) {
                    Thread.sleep(STRAGGLERS_EVERY);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("records an earlier run left open not settled now ({}); the next start tries again",
                        org.hotline.store.MongoStore.plainly(e));
            }
        });
    }

    private Map<String, String> liveNow() throws Exception {
        Map<String, Set<String>> now = new java.util.LinkedHashMap<>();
        for (AmiLink link : nodes.all()) {
            if (link.isConnected()) { // a node not reached has no channels to show
                now.put(link.node(), LiveChannels.read(link));
            }
        }
        return nodeOfChannels(now);
    }

    private static Map<String, String> nodeOfChannels(Map<String, Set<String>> live) {
        Map<String, String> found = new java.util.HashMap<>();
        live.forEach((node, ids) -> ids.forEach(id -> found.put(id, node)));
        return found;
    }

    private NodeCalls callsOf(AmiLink link) {
        return new NodeCalls(link.node(), nodeCount == 1);
    }
}
