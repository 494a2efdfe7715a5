package org.hotline.telephony.ami;

import java.util.List;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The hang-up events as Asterisk 22 sends them. The library's classes lack {@code TechCause}, so it
 * warned three times per off-nominal hang-up (Hangup, HangupRequest, SoftHangupRequest: 4,000 log
 * lines a minute at 100 calls/s). Registering these subclasses under the same event names
 * replaces the library's (a later registration of a name wins); listeners still see a
 * {@code HangupEvent}.
 */
final class HangupCauses {

    static final List<Class<? extends ManagerEvent>> EVENTS = List.of(
            HangupWithTechCause.class, HangupRequestWithTechCause.class, SoftHangupRequestWithTechCause.class);

    private HangupCauses() {
    }

    static void registerWith(ManagerConnection connection) {
        EVENTS.forEach(connection::registerUserEventClass);
    }
}
