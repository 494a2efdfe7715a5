package org.hotline.http.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent frames, so a desktop that reconnects with {@code Last-Event-ID} misses nothing
 * recent. Bounded: the oldest frame goes when a new one comes. Not thread-safe (the hub's context).
 */
final class ReplayBuffer {

    private final int capacity;
    private final ArrayDeque<SseFrame> frames;

    ReplayBuffer(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity: " + capacity);
        }
        this.capacity = capacity;
        this.frames = new ArrayDeque<>(capacity);
    }

    void add(SseFrame frame) {
        if (capacity == 0) {
            return;
        }
        if (frames.size() == capacity) {
            frames.removeFirst();
        }
        frames.addLast(frame);
    }

    /**
     * The frames after {@code lastSeen} that {@code follower} gets, oldest first. An id from an
     * earlier run is lower than any of this run (see {@link LiveHub}), so all kept frames follow it;
     * an id newer than anything given out cannot be ours either (the clock went back across a
     * restart, or a client's mistake): everything kept is new to that client too.
     */
    List<SseFrame> after(long lastSeen, long newestGiven, String follower) {
        long from = lastSeen > newestGiven ? Long.MIN_VALUE : lastSeen;
        List<SseFrame> replay = new ArrayList<>();
        for (SseFrame frame : frames) {
            if (frame.id() > from && frame.isFor(follower)) {
                replay.add(frame);
            }
        }
        return replay;
    }

    int size() {
        return frames.size();
    }
}
