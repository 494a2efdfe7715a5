package org.hotline.cases;

/** What a history entry records. */
public enum CaseChange implements DashedId {
    OPENED, SOLUTION_READY, REPLIED, CLOSED, ESCALATED, OVERDUE, FOLLOW_UP;

    static CaseChange to(CaseStatus status) {
        return switch (status) {
            case OPEN -> OPENED;
            case SOLUTION_READY -> SOLUTION_READY;
            case REPLIED -> REPLIED;
            case CLOSED -> CLOSED;
        };
    }

    public static java.util.Optional<CaseChange> byId(String id) {
        return DashedId.find(values(), id);
    }
}
