package org.hotline.call;

import java.time.Instant;
import java.util.Optional;

/** When the hotline is staffed: fixed ({@link ServiceHours}) or as a supervisor last set them ({@link CentreHours}). */
public interface OpeningHours {

    boolean isOpen(Instant moment);

    /** The next time the hotline opens after {@code moment} (or {@code moment} itself when open), within two weeks. */
    Optional<Instant> nextOpening(Instant moment);
}
