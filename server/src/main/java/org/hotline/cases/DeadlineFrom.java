package org.hotline.cases;

import java.util.Optional;

/** Where the reply deadline is counted from ({@code cases.deadlineFrom}). */
public enum DeadlineFrom implements DashedId {
    /** From the case's opening: every case has a deadline from its first minute. */
    OPENING,
    /** From when a solution exists (the handbook's wording: "once a solution exists, reply within 3 days"). */
    SOLUTION_READY;

    public static Optional<DeadlineFrom> byId(String id) {
        return DashedId.find(values(), id);
    }
}
