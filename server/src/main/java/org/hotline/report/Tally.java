package org.hotline.report;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Counts and sums of {@link Measure}s; immutable, and tallies add up. */
public final class Tally {

    public static final Tally ZERO = new Tally(new long[Measure.values().length]);

    private final long[] values;

    private Tally(long[] values) {
        this.values = values;
    }

    public static Tally of(Map<Measure, Long> values) {
        long[] array = new long[Measure.values().length];
        values.forEach((measure, value) -> array[measure.ordinal()] = value);
        return new Tally(array);
    }

    public long get(Measure measure) {
        return values[measure.ordinal()];
    }

    public Tally plus(Tally other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new Tally(sum);
    }

    public Tally minus(Tally other) {
        long[] difference = values.clone();
        for (int i = 0; i < difference.length; i++) {
            difference[i] -= other.values[i];
        }
        return new Tally(difference);
    }

    /** The measures that are not zero (what a stored rollup needs to add). */
    public Map<Measure, Long> nonZero() {
        Map<Measure, Long> nonZero = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            if (values[measure.ordinal()] != 0) {
                nonZero.put(measure, values[measure.ordinal()]);
            }
        }
        return nonZero;
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(value -> value == 0);
    }

    /** A tally being built. */
    static final class Builder {
        private final long[] values = new long[Measure.values().length];

        Builder add(Measure measure, long amount) {
            values[measure.ordinal()] += amount;
            return this;
        }

        Builder count(Measure measure) {
            return add(measure, 1);
        }

        Builder countIf(boolean condition, Measure measure) {
            return condition ? count(measure) : this;
        }

        Tally build() {
            return new Tally(values.clone());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally tally && Arrays.equals(values, tally.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tally" + nonZero();
    }
}
