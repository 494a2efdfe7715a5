package org.hotline.call;

import org.hotline.shared.CallId;

/** Takes call events from the sources that observe calls (the AMI stream, the inbound flow). */
@FunctionalInterface
public interface CallEventSink {

    void publish(CallId id, CallEvent event);
}
