package org.hotline.cases;

import java.util.List;

/** A returning caller's cases. Blocking; callers run it off the event loop. */
@FunctionalInterface
public interface OpenCases {

    /** The customer's cases that are not closed, newest first (a few at most). */
    List<Case> of(String e164);

    static OpenCases none() {
        return e164 -> List.of();
    }
}
