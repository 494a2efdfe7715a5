package org.hotline.call;

import org.hotline.cases.CallerRecognition;

/**
 * Who is calling (customer file, long distance), the agents' screens that are told, and whether
 * the conversation is recorded.
 */
public record Reception(CallerRecognition recognition, AgentDesk desk, RecordingRules recordings) {

    public Reception(CallerRecognition recognition, AgentDesk desk) {
        this(recognition, desk, RecordingRules.none());
    }

    public static Reception none() {
        return new Reception(CallerRecognition.none(), AgentDesk.none());
    }
}
