package org.hotline.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A benchmark's command line (bin/bench passes it on): values by position, each with its default
 * when left out, and a clear error naming the position when one is not what it should be.
 */
record BenchArguments(List<String> values) {

    static BenchArguments of(String[] args) {
        return new BenchArguments(Arrays.asList(args));
    }

    boolean has(int position) {
        return position < values.size();
    }

    /** A whole number of at least {@code least}. */
    int whole(int position, int fallback, int least) {
        if (!has(position)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(position));
            if (value >= least) {
                return value;
            }
        } catch (NumberFormatException notWhole) {
            // reported below
        }
        throw wrong(position, "a whole number of at least " + least);
    }

    /** A number above zero. */
    double positive(int position, double fallback) {
        if (!has(position)) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(values.get(position));
            if (value > 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw wrong(position, "a number above zero");
    }

    /** One of {@code allowed}. */
    String oneOf(int position, String fallback, Set<String> allowed) {
        if (!has(position)) {
            return fallback;
        }
        if (allowed.contains(values.get(position))) {
            return values.get(position);
        }
        throw wrong(position, "one of " + allowed);
    }

    /** What follows {@code position}, none if the line ends before. */
    List<String> from(int position) {
        return values.subList(Math.min(position, values.size()), values.size());
    }

    private IllegalArgumentException wrong(int position, String expected) {
        return new IllegalArgumentException("argument " + (position + 1) + " must be " + expected + ", not '"
                + values.get(position) + "'");
    }
}
