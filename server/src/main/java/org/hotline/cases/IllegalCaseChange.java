package org.hotline.cases;

/** A change the case's status does not allow (now), e.g. closing a case whose customer was never answered. */
public final class IllegalCaseChange extends RuntimeException {

    public IllegalCaseChange(String message) {
        super(message, null, false, false);
    }

    static IllegalCaseChange of(CaseId id, CaseStatus from, CaseStatus to) {
        String why = switch (from) {
            case OPEN -> "an open case becomes solution-ready or replied";
            case SOLUTION_READY -> "a case with a solution becomes replied once the customer is told";
            case REPLIED -> "a replied case can only be closed; a new need is a follow-up case";
            case CLOSED -> "a closed case does not change; a new need is a follow-up case";
        };
        return new IllegalCaseChange("case " + id + " is " + from.id() + " and cannot become " + to.id() + " (" + why + ")");
    }
}
