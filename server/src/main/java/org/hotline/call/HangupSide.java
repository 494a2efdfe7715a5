package org.hotline.call;

/** Who ended the call. */
public enum HangupSide {
    CALLER, HOTLINE, UNKNOWN
}
