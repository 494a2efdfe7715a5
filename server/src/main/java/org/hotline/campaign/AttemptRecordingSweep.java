package org.hotline.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.hotline.call.RecordingRetention;

/**
 * Deletes the recordings of campaign attempts past the centre's retention, counted from the customer's
 * answer, and notes it on each attempt's record, which stays. Blocking (store and disk): run it beside
 * the calls' recording sweep.
 */
public final class AttemptRecordingSweep {

    /** Records read per round: a long-stopped server catches up over several rounds. */
    static final int ROUND = 500;

    private final RecordingRetention retention;
    private final KeptAttemptRecordings kept;
    private final Predicate<AttemptRecording> delete;
    private final Clock clock;

    /** @param delete deletes an attempt's file, false when there was none (the attempt was not recorded) */
    public AttemptRecordingSweep(RecordingRetention retention, KeptAttemptRecordings kept, Predicate<AttemptRecording> delete,
                                 Clock clock) {
        this.retention = retention;
        this.kept = kept;
        this.delete = delete;
        this.clock = clock;
    }

    /** One sweep; returns how many recordings it deleted. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        for (KeptAttemptRecordings.Kept attempt : kept.answeredBefore(now.minus(Duration.ofDays(retention.days())).plusMillis(1), ROUND)) {
            if (retention.expired(attempt.answeredAt(), now)) {
                boolean gone = delete.test(attempt.recording());
                kept.swept(attempt.recording(), now, gone);
                deleted += gone ? 1 : 0;
            }
        }
        return deleted;
    }
}
