package org.hotline.routing;

import java.time.Instant;

/**
 * What an agent chose at their desk, kept across a restart: logged out, ready, or paused and why,
 * since when. A call in progress is not part of it (the calls are Asterisk's): an agent on a call
 * or in wrap-up is kept as ready, or as paused when they asked to pause after the call.
 */
public record DeskState(AgentState state, PauseReason reason, Instant since) {

    public DeskState {
        if (state != AgentState.LOGGED_OUT && state != AgentState.READY && state != AgentState.PAUSED) {
            throw new IllegalArgumentException("a desk state is logged out, ready or paused, not " + state);
        }
        if ((state == AgentState.PAUSED) != (reason != null)) {
            throw new IllegalArgumentException("a pause, and only a pause, has a reason");
        }
        if (since == null) {
            throw new IllegalArgumentException("a desk state has a since");
        }
    }

    /** Where the agent is, as a restart should find them. */
    public static DeskState of(AgentStatus status) {
        PauseReason reason = status.pauseReason() != null ? status.pauseReason() : status.pauseAfterCall();
        return switch (status.state()) {
            case LOGGED_OUT -> new DeskState(AgentState.LOGGED_OUT, null, status.since());
            case PAUSED -> new DeskState(AgentState.PAUSED, status.pauseReason(), status.since());
            case READY -> new DeskState(AgentState.READY, null, status.since());
            // On a call: their choice is to work on, or to pause once it ends.
            case OFFERED, ON_CALL, WRAP_UP -> reason != null
                    ? new DeskState(AgentState.PAUSED, reason, status.since())
                    : new DeskState(AgentState.READY, null, status.since());
        };
    }

    /** The same choice (a new "since" alone is no change worth writing). */
    public boolean sameChoice(DeskState other) {
        return other != null && state == other.state && reason == other.reason;
    }
}
