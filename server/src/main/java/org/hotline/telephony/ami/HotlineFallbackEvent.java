package org.hotline.telephony.ami;

import java.io.Serial;
import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's fallback reporting a step ({@code UserEvent(HotlineFallback,Step: ...)}):
 * {@code answer} just before it answers a call the server did not, {@code greeting} just before
 * it plays the greeting. The library finds the class by its name.
 */
public final class HotlineFallbackEvent extends UserEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private String step;

    public HotlineFallbackEvent(Object source) {
        super(source);
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }
}
