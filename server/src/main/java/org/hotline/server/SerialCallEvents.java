package org.hotline.server;

import org.hotline.floor.Floor;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hotline.call.NodeCalls;
import org.hotline.call.AdoptedCall;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;
import org.hotline.call.CallTracker;
import org.hotline.recovery.Adoptions;

/**
 * Runs the call tracker on one Vert.x context, so events from the AMI thread and from the
 * per-call AGI threads are merged one at a time, and no source ever waits for another.
 */
final class SerialCallEvents implements CallEventSink, Adoptions {

    private final Context context;
    private final CallTracker tracker;
    private final Floor floor;
    private final Clock clock;
    /** Start-up's adoptions are made (or there were none to make). */
    private final java.util.concurrent.CountDownLatch adopted = new java.util.concurrent.CountDownLatch(1);
    /** On the context only. */
    private Map<String, String> adoptedNodes = Map.of();

    SerialCallEvents(Context context, CallTracker tracker, Floor floor, Clock clock) {
        this.context = context;
        this.tracker = tracker;
        this.floor = floor;
        this.clock = clock;
    }

    @Override
    public void publish(CallId id, CallEvent event) {
        context.runOnContext(ignored -> {
            tracker.publish(id, event);
            if (event instanceof CallEvent.Ended) {
                floor.callGone(id); // a caller who hangs up while waiting leaves the queue at once
            } else if (event instanceof CallEvent.BridgeLeft left) {
                floor.conversationEnded(id, left.at()); // the agent's wrap-up counts from Asterisk's end of the talk
            } else if (event instanceof CallEvent.TransferStepped step) {
                floor.transferStepped(id, step);
            }
        });
    }

    /**
     * After a node's AMI login: calls the tracker follows on that node and it no longer has were missed
     * hang-ups, or, when the node went away in between, calls cut by it ({@code nodeLostAt}: when its link dropped).
     */
    void keepOnly(NodeCalls node, Set<String> liveUniqueIds, Instant nodeLostAt) {
        context.runOnContext(ignored -> tracker.reconcile(node, liveUniqueIds, nodeLostAt, clock.instant()));
    }

    /** A node's link dropped at {@code droppedAt} and stayed down: its calls were lost with it then. */
    void nodeLost(NodeCalls node, Instant droppedAt) {
        context.runOnContext(ignored -> tracker.nodeLost(node, droppedAt));
    }

    /** A node announced its shutdown: what it reports of its calls from here on is it going away. */
    void asteriskGoingAway(NodeCalls node, Instant at) {
        context.runOnContext(ignored -> tracker.asteriskGoingAway(node, at));
    }

    /** Where the channels of calls an earlier run left open were found, for the adoptions that follow. */
    void channelsFoundOn(Map<String, String> nodeOfChannel) {
        context.runOnContext(ignored -> adoptedNodes = Map.copyOf(nodeOfChannel));
    }

    @Override
    public void adopt(CallId id, AdoptedCall facts) {
        context.runOnContext(ignored -> {
            tracker.adopt(id, facts);
            String node = adoptedNodes.get(id.value());
            if (node != null) {
                tracker.placeOn(id, node);
            }
            if (facts.agent() != null && facts.talkingSince() != null && tracker.isLive(id) && AgentId.isValid(facts.agent())) {
                floor.conversationCarriedOver(id, new AgentId(facts.agent())); // still talking: not free for a new call
            }
        });
    }

    @Override
    public void done() {
        context.runOnContext(ignored -> {
            tracker.adoptionsDone();
            adopted.countDown();
        });
    }

    /**
     * Waits, at most {@code limit}, until start-up has adopted the calls an earlier run left open
     * (they are then known to the tracker). Off the event loop only (an AGI thread).
     *
     * @return whether the adoptions are made
     */
    boolean awaitAdoptions(java.time.Duration limit) {
        try {
            return adopted.await(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
