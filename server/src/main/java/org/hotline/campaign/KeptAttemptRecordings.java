package org.hotline.campaign;

import java.time.Instant;
import java.util.List;

/** The answered campaign attempts whose recording has not been swept yet (implemented by the store). */
public interface KeptAttemptRecordings {

    /** An answered attempt as its record keeps it: its recording's name and when the customer answered. */
    record Kept(AttemptRecording recording, Instant answeredAt) {
    }

    /** Answered attempts not swept yet that were answered before {@code before}, oldest first, at most {@code limit}. */
    List<Kept> answeredBefore(Instant before, int limit);

    /** Notes on the attempt's record that its recording's keeping ended at {@code at}; {@code deleted}: a file was deleted. */
    void swept(AttemptRecording recording, Instant at, boolean deleted);
}
