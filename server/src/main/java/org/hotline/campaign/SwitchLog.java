package org.hotline.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * What the switch itself recorded of the calls toward a number: asked for a call a stopped server
 * left under way, so a customer who picked up after the server had gone is counted as reached and
 * not called again.
 */
public interface SwitchLog {

    /** When a call toward {@code e164} placed at or after {@code since} was answered, if the switch saw one. */
    Optional<Instant> answered(String e164, Instant since);

    static SwitchLog none() {
        return (e164, since) -> Optional.empty();
    }
}
