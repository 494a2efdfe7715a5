package org.hotline.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One side of a figure's formula: in words (what a supervisor reads) and as a sum of
 * {@link Measure}s less others (what is computed), so the two are written in one place.
 *
 * @param words what is counted, e.g. "offers answered within 3 rings"
 * @param plus  the measures added up; empty when the figure is not computed from a tally (the case file)
 * @param minus the measures taken away
 */
public record Term(String words, List<Measure> plus, List<Measure> minus) {

    public Term {
        plus = List.copyOf(plus);
        minus = List.copyOf(minus);
        if (plus.isEmpty() && !minus.isEmpty()) {
            throw new IllegalArgumentException("a term takes away only from something: " + words);
        }
    }

    static Term of(String words, Measure... plus) {
        return new Term(words, List.of(plus), List.of());
    }

    /** Counted outside the call tallies (the case file): words only. */
    static Term elsewhere(String words) {
        return new Term(words, List.of(), List.of());
    }

    Term less(Measure... taken) {
        return new Term(words, plus, List.of(taken));
    }

    public boolean fromTally() {
        return !plus.isEmpty();
    }

    public long in(Tally tally) {
        if (!fromTally()) {
            throw new IllegalStateException("not counted in a tally: " + words);
        }
        long sum = 0;
        for (Measure measure : plus) {
            sum += tally.get(measure);
        }
        for (Measure measure : minus) {
            sum -= tally.get(measure);
        }
        return sum;
    }

    /** The measures as a formula, e.g. {@code ANSWERED_WITHIN_SL + ABANDONED_WITHIN_SL − SHORT_ABANDONED}. */
    public String formula() {
        if (!fromTally()) {
            return "(" + words + ")";
        }
        String sum = plus.stream().map(Measure::name).collect(Collectors.joining(" + "));
        return minus.isEmpty() ? sum : sum + minus.stream().map(m -> " − " + m.name()).collect(Collectors.joining());
    }
}
