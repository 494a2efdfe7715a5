package org.hotline.call;

/** Where call events are kept, as they happen: each event is durable on its own. */
public interface CallJournal {

    void append(CallId id, CallEvent event);
}
