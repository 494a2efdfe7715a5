package org.hotline.routing;

/** A wrap-up code the rule does not let the agent give, and why. */
public final class WrapUpCodeRefused extends RuntimeException {

    public enum Why {
        /** The call is not the agent's last one (another's, unknown, or they have taken another since). */
        NOT_THEIR_LAST_CALL,
        /** The wrap-up and the time after it are over. */
        CLOSED,
        /** The call's queue has no such code. */
        UNKNOWN_CODE
    }

    private final Why why;

    public WrapUpCodeRefused(Why why, String message) {
        super(message, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
