package org.hotline.call;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the calls in progress: merges what the AMI stream and the inbound flow report about
 * each call, derives the ring rule's verdict once arrival and answer are both known, decides who
 * hung up, and hands every event to the journal. Not thread-safe: the caller runs it on one
 * thread (apart from {@link #arrivalOf}, which any thread may read).
 */
public final class CallTracker implements CallEventSink {

    /** Bounds memory if hang-ups are missed (e.g. while AMI was down); resync clears such calls. */
    private static final int MAX_LIVE = 10_000;

    private final RingPolicy rings;
    private final CallJournal journal;
    private final Map<CallId, LiveCall> live = new HashMap<>();
    private final Map<CallId, Instant> arrivals = new ConcurrentHashMap<>();

    public CallTracker(RingPolicy rings, CallJournal journal) {
        this.rings = rings;
        this.journal = journal;
    }

    @Override
    public void publish(CallId id, CallEvent event) {
        LiveCall call = live.get(id);
        if (call == null) {
            if (!opensCall(event) || live.size() >= MAX_LIVE) {
                return; // not a hotline call (e.g. the other half of a Local channel), or already over
            }
            call = new LiveCall();
            live.put(id, call);
        }
        switch (event) {
            case CallEvent.Arrived arrived -> {
                call.arrival = arrived.at();
                arrivals.put(id, arrived.at());
            }
            case CallEvent.Answered answered -> {
                if (call.answer != null) {
                    return; // a channel goes up once; repeats carry nothing new
                }
                call.answer = answered.at();
            }
            case CallEvent.HangupRequested ignored -> call.hungUpByHotline = true;
            case CallEvent.Ended ended -> {
                if (ended.side() == null) {
                    event = ended.withSide(call.hungUpByHotline ? HangupSide.HOTLINE : HangupSide.CALLER);
                }
                live.remove(id);
                arrivals.remove(id);
            }
            default -> {
            }
        }
        journal.append(id, event);
        if (!call.measured && call.arrival != null && call.answer != null) {
            call.measured = true;
            journal.append(id, new CallEvent.AnswerMeasured(call.answer, rings.measure(call.arrival, call.answer)));
        }
    }

    /** The call's arrival as Asterisk reported it, if it has been seen. */
    public Optional<Instant> arrivalOf(CallId id) {
        return Optional.ofNullable(arrivals.get(id));
    }

    /** Whether this call is still in progress, as far as the tracker knows. */
    public boolean isLive(CallId id) {
        return live.containsKey(id);
    }

    /** Calls in progress as far as the tracker knows. */
    public Set<CallId> liveCalls() {
        return Set.copyOf(live.keySet());
    }

    /** Closes a call whose hang-up was missed (seen gone after an AMI reconnect). */
    public void lost(CallId id, Instant noticedAt) {
        if (live.containsKey(id)) {
            publish(id, new CallEvent.Ended(noticedAt, 0, "gone while the AMI link was down", HangupSide.UNKNOWN));
        }
    }

    private static boolean opensCall(CallEvent event) {
        return event instanceof CallEvent.Arrived || event instanceof CallEvent.FlowStarted;
    }

    private static final class LiveCall {
        Instant arrival;
        Instant answer;
        boolean measured;
        boolean hungUpByHotline;
    }
}
