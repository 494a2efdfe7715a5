package org.hotline.call;

/** Who ended the call (or, for a conversation, which of its two sides hung up). */
public enum HangupSide {
    CALLER, HOTLINE, AGENT, UNKNOWN
}
