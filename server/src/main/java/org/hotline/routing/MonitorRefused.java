package org.hotline.routing;

/** A supervisor may not (or cannot) join, switch or leave this agent's call; the message says why. */
public final class MonitorRefused extends RuntimeException {

    public enum Why {
        /** Only supervisors listen to agents' calls. */
        NOT_ALLOWED,
        /** The supervisor has no phone the hotline can ring. */
        NO_PHONE,
        /** The agent is not in a call (or the call ended meanwhile). */
        NOT_IN_CALL,
        /** The supervisor is not listening to this agent. */
        NOT_LISTENING
    }

    private final Why why;

    public MonitorRefused(Why why, String message) {
        super(message, null, false, false);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
