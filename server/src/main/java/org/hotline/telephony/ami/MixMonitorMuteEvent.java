package org.hotline.telephony.ami;

import java.io.Serial;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Asterisk's {@code MixMonitorMute}: a recording muted (State 1) or unmuted (0) on a channel, with
 * Asterisk's time of it. The library has no class of its own for it; it finds this one by its name.
 */
public final class MixMonitorMuteEvent extends ManagerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private String channel;
    private String uniqueId;
    private String linkedId;
    private String direction;
    private String state;

    public MixMonitorMuteEvent(Object source) {
        super(source);
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getUniqueId() {
        return uniqueId;
    }

    public void setUniqueId(String uniqueId) {
        this.uniqueId = uniqueId;
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public boolean muted() {
        return "1".equals(state);
    }
}
