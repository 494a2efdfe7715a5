package org.hotline.recovery;

import org.hotline.call.AdoptedCall;
import org.hotline.shared.CallId;

/** Where calls still live in Asterisk are handed to be followed to their end (the call tracker). */
public interface Adoptions {

    void adopt(CallId id, AdoptedCall facts);

    /** Every adoption of this start-up is made. */
    void done();
}
