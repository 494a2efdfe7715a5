package org.hotline.report;

import java.util.OptionalDouble;

/**
 * A share, with its parts kept so a reader can check it: {@code part} of {@code whole}. With
 * nothing to measure ({@code whole} = 0) there is no value: "no data", never 0 % or 100 %.
 */
public record Ratio(long part, long whole) {

    public Ratio {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("not a share: " + part + " of " + whole);
        }
    }

    public OptionalDouble value() {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
