package org.hotline.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the recordings past their queue's retention and notes it on each call's record, which
 * stays. Blocking (store and disk): run it off the event loop, on a timer or when an admin asks.
 */
public final class RecordingSweep {

    /** Records read per round: a long-stopped server catches up over several rounds. */
    static final int ROUND = 500;
    public static final String RETENTION = "retention";

    private final RecordingRules rules;
    private final KeptRecordings kept;
    private final RecordingShelf shelf;
    private final CallJournal journal;
    private final Clock clock;

    public RecordingSweep(RecordingRules rules, KeptRecordings kept, RecordingShelf shelf, CallJournal journal, Clock clock) {
        this.rules = rules;
        this.kept = kept;
        this.shelf = shelf;
        this.journal = journal;
        this.clock = clock;
    }

    /** One sweep; returns how many recordings it deleted. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        // Nothing started after now minus the shortest retention can be due yet.
        Instant before = now.minus(java.time.Duration.ofDays(rules.shortest().days())).plusMillis(1);
        List<KeptRecordings.Kept> candidates = kept.startedBefore(before, ROUND);
        int deleted = 0;
        for (KeptRecordings.Kept recording : candidates) {
            if (rules.retentionOf(recording.queue()).expired(recording.startedAt(), now)) {
                shelf.delete(recording.call()); // gone already (deleted by hand): the record still says when it was swept
                journal.append(recording.call(), new CallEvent.RecordingDeleted(now, RETENTION));
                deleted++;
            }
        }
        return deleted;
    }
}
