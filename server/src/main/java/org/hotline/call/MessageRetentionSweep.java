package org.hotline.call;

import java.time.Clock;
import java.time.Instant;
import org.hotline.shared.CallId;

/**
 * Deletes the callers' messages past their retention and marks each callback task's message deleted
 * first (a store away keeps the file for the next sweep). Blocking (store and disk): run it off the
 * event loop, with the recordings' sweep.
 */
public final class MessageRetentionSweep {

    private final MessageRetention retention;
    private final MessageBox box;
    private final DeletedMessages deleted;
    private final Clock clock;

    public MessageRetentionSweep(MessageRetention retention, MessageBox box, DeletedMessages deleted, Clock clock) {
        this.retention = retention;
        this.box = box;
        this.deleted = deleted;
        this.clock = clock;
    }

    /** One sweep; returns how many messages it deleted. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        int count = 0;
        for (CallId call : box.calls()) {
            if (box.endOf(call).filter(ended -> retention.expired(ended, now)).isPresent()) {
                deleted.mark(call, now);
                box.discard(call);
                count++;
            }
        }
        return count;
    }
}
