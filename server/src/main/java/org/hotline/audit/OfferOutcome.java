package org.hotline.audit;

import java.util.Locale;
import java.util.Optional;

/** How one ring of an agent's phone ended: the call record's {@code offers[].outcome} words. */
public enum OfferOutcome {
    ANSWERED,
    NO_ANSWER,
    BUSY,
    UNAVAILABLE,
    /** The caller hung up while it rang. */
    CALLER_ABANDONED,
    /** The hotline stopped the ring while the caller was still there. */
    WITHDRAWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<OfferOutcome> byId(String id) {
        for (OfferOutcome outcome : values()) {
            if (outcome.id().equals(id)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    /** The agent could have answered it: in the agents' three-ring figure (contract: not caller-abandoned, not withdrawn). */
    boolean counts() {
        return this != CALLER_ABANDONED && this != WITHDRAWN;
    }
}
