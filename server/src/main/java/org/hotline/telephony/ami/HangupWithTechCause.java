package org.hotline.telephony.ami;

import java.io.Serial;
import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.HangupEvent;

/**
 * Asterisk's {@code Hangup} event (a channel is hung up) with the {@code TechCause} field Asterisk 22 adds
 * to off-nominal hang-ups, which the library's class has no setter for. Registered by
 * {@link HangupCauses} in its place.
 */
@AsteriskMapping("Hangup")
public final class HangupWithTechCause extends HangupEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private Integer techCause;

    public HangupWithTechCause(Object source) {
        super(source);
    }

    /** The channel technology's own cause (a SIP response code for PJSIP); null for a nominal hang-up. */
    public Integer getTechCause() {
        return techCause;
    }

    public void setTechCause(Integer techCause) {
        this.techCause = techCause;
    }
}
