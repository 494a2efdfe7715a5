package org.hotline.campaign;

/** Where a contact of a campaign stands. */
public enum ContactStatus {
    /** Waiting for its (next) try. */
    PENDING,
    /** Claimed by a dialer: being tried now. */
    DIALLING,
    /** Reached. */
    DONE,
    /** Every try used without reaching the customer. */
    EXHAUSTED,
    /** Its deadline passed before the customer was reached. */
    EXPIRED,
    /** On the do-not-call list: never dialled. */
    DO_NOT_CALL,
    /** The campaign was stopped before this contact was finished. */
    CANCELLED;

    public boolean finished() {
        return this != PENDING && this != DIALLING;
    }
}
