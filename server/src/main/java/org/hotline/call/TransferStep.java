package org.hotline.call;

import java.util.Locale;

/** The steps of a transfer the call's record keeps, each at Asterisk's time. */
public enum TransferStep {
    /** The consulted colleague's phone rings; the caller is on hold. */
    CONSULT_STARTED,
    /** The colleague answered the consultation. */
    CONSULT_ANSWERED,
    /** The consultation ended without a transfer (the colleague did not answer, or hung up). */
    CONSULT_ENDED,
    /** The agent cancelled the consultation and is back with the caller. */
    CANCELLED,
    /** The caller was passed to the consulted colleague; the agent left. */
    TRANSFERRED,
    /** The caller, the agent and the colleague talk together. */
    CONFERENCE,
    /** An agent hung up and left the conference; the others talk on. */
    LEFT_CONFERENCE,
    /** The caller was passed on at once, to a colleague or a queue. */
    BLIND,
    /** Asterisk could not make the transfer. */
    FAILED;

    /** As the record writes it: consult-started, transferred, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
