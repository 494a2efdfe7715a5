package org.hotline.telephony.ami;

import java.io.Serial;
import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan passing on the front door's arrival stamp of a call
 * ({@code UserEvent(HotlineArrival,Stamp: <epoch seconds.microseconds>)}), read from the INVITE
 * of the trusted front door endpoint only and checked for its shape there. The library finds the
 * class by its name.
 */
public final class HotlineArrivalEvent extends UserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private String stamp;

    public HotlineArrivalEvent(Object source) {
        super(source);
    }

    public String getStamp() {
        return stamp;
    }

    public void setStamp(String stamp) {
        this.stamp = stamp;
    }
}
