package org.hotline.call;

import java.time.Instant;
import java.util.List;
import org.hotline.shared.CallId;

/** The records of calls whose recording is still on disk (implemented by the store). */
public interface KeptRecordings {

    /** A call's recording as its record keeps it: the queue it was made in (or null) and its start. */
    record Kept(CallId call, String queue, Instant startedAt) {
    }

    /** Recordings not deleted yet that started before {@code before}, oldest first, at most {@code limit}. */
    List<Kept> startedBefore(Instant before, int limit);
}
