package org.hotline.call;

import org.hotline.shared.CallId;

/** Where call events are kept, as they happen: each event is durable on its own. */
public interface CallJournal {

    void append(CallId id, CallEvent event);
}
