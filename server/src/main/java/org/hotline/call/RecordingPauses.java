package org.hotline.call;

import java.io.IOException;
import org.hotline.shared.AgentId;

/**
 * The telephone side of pausing a recording: the agent's conversation goes on, the recording holds
 * silence until resumed. Blocking: call off the event loop. The times of each pause and resume
 * reach the call's record from Asterisk's own events.
 */
public interface RecordingPauses {

    /** Pauses ({@code paused}) or resumes; fails with {@link NotRecorded} when the agent is in no recorded call. */
    void pause(AgentId agent, boolean paused) throws IOException;

    /** The agent is not in a conversation that is being recorded. */
    final class NotRecorded extends RuntimeException {

        public NotRecorded(String message) {
            super(message, null, false, false);
        }
    }
}
