package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI {@code ControlPlayback} (Asterisk 12+): stops the file being played to a channel, e.g. a queue announcement. */
public final class ControlPlaybackAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String control;

    private ControlPlaybackAction(String channel, String control) {
        this.channel = channel;
        this.control = control;
    }

    /** @param channel a channel name Asterisk gave; checked by the caller to hold no line breaks */
    public static ControlPlaybackAction stop(String channel) {
        return new ControlPlaybackAction(channel, "stop");
    }

    @Override
    public String getAction() {
        return "ControlPlayback";
    }

    public String getChannel() {
        return channel;
    }

    public String getControl() {
        return control;
    }
}
