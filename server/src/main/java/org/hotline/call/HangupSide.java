package org.hotline.call;

/** Who ended the call (or, for a conversation, which of its two sides hung up). */
public enum HangupSide {
    CALLER, HOTLINE, AGENT, UNKNOWN,
    /** Asterisk itself went away (restart, crash): nobody hung up, the call was cut. */
    ASTERISK
}
