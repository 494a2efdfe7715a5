package org.hotline.routing;

/** An agent may not (or cannot now) pass their caller on as asked; the message says why. */
public final class TransferRefused extends RuntimeException {

    public enum Why {
        /** Not allowed: to oneself, a consultation with a queue. */
        NOT_ALLOWED,
        /** The agent has no caller to pass on (or the call ended meanwhile). */
        NOT_IN_CALL,
        /** No such colleague or queue. */
        UNKNOWN_TARGET,
        /** The colleague cannot take a call now (not ready, phone not registered or busy). */
        TARGET_UNAVAILABLE,
        /** There is no consultation under way to complete, cancel or turn into a conference. */
        NO_CONSULTATION
    }

    private final Why why;

    public TransferRefused(Why why, String message) {
        super(message, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
