package org.hotline.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How a figure follows from its terms.
 *
 * @param denominator null for a total or a spread (nothing to divide by)
 */
public record Formula(Shape shape, Term numerator, Term denominator) {

    /** The ways a figure is made from its terms. */
    public enum Shape {
        /** The numerator itself (a count, or a sum of milliseconds). */
        TOTAL,
        /** numerator ÷ denominator as a {@link Ratio}, its parts kept. */
        SHARE,
        /** numerator ÷ denominator as a number (an average). */
        MEAN,
        /** One count for each of the numerator's measures, in order (a distribution). */
        SPREAD
    }

    public Formula {
        if ((denominator == null) != (shape == Shape.TOTAL || shape == Shape.SPREAD)) {
            throw new IllegalArgumentException(shape + " with" + (denominator == null ? "out" : "") + " a denominator");
        }
    }

    static Formula total(Term numerator) {
        return new Formula(Shape.TOTAL, numerator, null);
    }

    static Formula share(Term numerator, Term denominator) {
        return new Formula(Shape.SHARE, numerator, denominator);
    }

    static Formula mean(Term numerator, Term denominator) {
        return new Formula(Shape.MEAN, numerator, denominator);
    }

    static Formula spread(Term numerator) {
        return new Formula(Shape.SPREAD, numerator, null);
    }

    long total(Tally tally) {
        expect(Shape.TOTAL);
        return numerator.in(tally);
    }

    /**
     * Nothing to divide by is "no data". A part above its whole cannot happen under the definitions;
     * it means the tally was kept before a measure existed (rollups made before surveys offered were
     * counted), so it is "no data" too rather than a wrong share, or a failed report.
     */
    Ratio share(Tally tally) {
        expect(Shape.SHARE);
        long part = numerator.in(tally);
        long whole = denominator.in(tally);
        return part < 0 || part > whole ? new Ratio(0, 0) : new Ratio(part, whole);
    }

    /** Empty with nothing to average over. */
    OptionalDouble mean(Tally tally) {
        expect(Shape.MEAN);
        long count = denominator.in(tally);
        return count <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator.in(tally) / count);
    }

    List<Long> spread(Tally tally) {
        expect(Shape.SPREAD);
        return numerator.plus().stream().map(tally::get).toList();
    }

    private void expect(Shape wanted) {
        if (shape != wanted) {
            throw new IllegalStateException("a " + shape + " figure, not a " + wanted);
        }
    }
}
