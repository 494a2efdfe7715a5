package org.hotline.server;

import io.vertx.core.Context;
import java.time.Clock;
import java.util.Set;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.call.CallId;
import org.hotline.call.CallTracker;

/**
 * Runs the call tracker on one Vert.x context, so events from the AMI thread and from the
 * per-call AGI threads are merged one at a time, and no source ever waits for another.
 */
final class SerialCallEvents implements CallEventSink {

    private final Context context;
    private final CallTracker tracker;
    private final Floor floor;
    private final Clock clock;

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
            }
        });
    }

    /** After an AMI reconnect: calls the tracker still holds but Asterisk no longer has were missed hang-ups. */
    void keepOnly(Set<String> liveUniqueIds) {
        context.runOnContext(ignored -> {
            for (CallId id : tracker.liveCalls()) {
                if (!liveUniqueIds.contains(id.value())) {
                    tracker.lost(id, clock.instant());
                }
            }
        });
    }
}
