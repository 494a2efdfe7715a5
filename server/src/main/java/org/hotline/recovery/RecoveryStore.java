package org.hotline.recovery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the settling at start-up reads of the call records. */
public interface RecoveryStore {

    /** Records without an end whose call arrived before {@code before}, at most {@code limit}. */
    List<OpenRecord> open(Instant before, int limit);

    /** Which of these call ids have a record. */
    Set<String> existing(Collection<String> ids);

    /** The newest arrival on a record before {@code before}: the last call an earlier run saw come in. */
    Optional<Instant> newestArrivalBefore(Instant before);
}
