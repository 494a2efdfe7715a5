package org.hotline.cases;

import java.util.Optional;
import java.util.Set;

/**
 * Where a case stands. The customer is always answered before a case is closed; a need the answer
 * does not settle becomes a follow-up case, so a replied case is never reopened.
 */
public enum CaseStatus implements DashedId {
    /** Opened; nobody has a solution yet. */
    OPEN,
    /** A solution exists; the customer still has to be told. */
    SOLUTION_READY,
    /** The customer was told. */
    REPLIED,
    /** Nothing more to do. */
    CLOSED;

    /** Whether a case in this status may move to {@code next}. */
    public boolean canBecome(CaseStatus next) {
        return switch (this) {
            // an answer found and given in one go skips solution-ready
            case OPEN -> Set.of(SOLUTION_READY, REPLIED).contains(next);
            case SOLUTION_READY -> next == REPLIED;
            case REPLIED -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    /** Still waiting for the customer to be answered: the reply deadline runs. */
    public boolean awaitsReply() {
        return this == OPEN || this == SOLUTION_READY;
    }


    public static Optional<CaseStatus> byId(String id) {
        return DashedId.find(values(), id);
    }
}
