package org.hotline.call;

import org.hotline.cases.CallerRecognition;

/** Who is calling (customer file, long distance) and the agents' screens that are told. */
public record Reception(CallerRecognition recognition, AgentDesk desk) {

    public static Reception none() {
        return new Reception(CallerRecognition.none(), AgentDesk.none());
    }
}
