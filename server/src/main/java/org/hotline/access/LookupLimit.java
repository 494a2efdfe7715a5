package org.hotline.access;

import java.time.Duration;

/**
 * How many look-ups by phone number one user may get wrong (no such number) within a window before
 * further look-ups are refused until the window has passed: a colleague's case or a masked number
 * (138****8000) leaves 10⁴ fillings to try, and trying them must take months, not minutes.
 */
public record LookupLimit(int misses, Duration window) {

    public static final LookupLimit STANDARD = new LookupLimit(20, Duration.ofHours(1));

    public LookupLimit {
        if (misses < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("lookup limit: " + misses + " misses in " + window);
        }
    }
}
