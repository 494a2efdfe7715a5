package org.hotline.call;

/** How a record the server could not finish itself was settled (see docs/resilience.md, "Calls through a crash"). */
public enum Settlement {
    /** Still live in Asterisk at start-up: followed to its end by its events. */
    ADOPTED_LIVE,
    /** Gone at start-up: closed from Asterisk's CEL with its true end, side and cause. */
    CLOSED_FROM_CEL,
    /** Gone, and Asterisk has no trace of its end: closed at the last moment the record knew. */
    LOST_WITH_SERVER,
    /** Cut by Asterisk going away (restart, crash). */
    LOST_WITH_ASTERISK,
    /** Handled by Asterisk alone while the server was away: the whole record written from CEL. */
    IMPORTED_FROM_CEL
}
