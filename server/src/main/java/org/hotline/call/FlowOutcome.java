package org.hotline.call;

/** How the inbound flow ended a call. */
public enum FlowOutcome {
    /** Menu done, choice recorded, closing played, hung up by the hotline. */
    COMPLETED,
    /** Outside service hours: told so, closed politely. */
    AFTER_HOURS,
    /** Talked to an agent. */
    CONNECTED,
    /** The agent transferred the caller on; the transfer's own flow takes over the call. */
    TRANSFERRED,
    /** Hung up to be called back (keeping their place, or outside hours). */
    CALLBACK_REQUESTED,
    /** Waited past the maximum without an agent; closed politely. */
    NO_AGENT,
    /** No valid choice after every attempt; closed politely. */
    NO_CHOICE,
    /** The caller hung up during the flow. */
    CALLER_HUNG_UP,
    /** The server failed mid-call; the dialplan's fallback takes over. */
    FAILED,
    /** The server was away: Asterisk's own dialplan answered and closed the call (read back from its CEL). */
    FALLBACK_ANSWERED,
    /** The server stopped mid-call and Asterisk kept no trace of how the call ended: closed at the last known moment. */
    LOST_WITH_SERVER,
    /** Asterisk itself went away (restart, crash) with the call on it. */
    LOST_WITH_ASTERISK
}
