package org.hotline.audit;

import java.time.Duration;
import java.util.Optional;

/** A report figure's value in the form both sides can give: a count, a share with its parts, or a mean time. */
public sealed interface FigureValue {

    /** Per-call times may differ this much between CEL and the records (two clocks, event and server). */
    Duration TIME_TOLERANCE = Duration.ofMillis(50);

    boolean agrees(FigureValue other);

    String text();

    record Count(long value) implements FigureValue {
        @Override
        public boolean agrees(FigureValue other) {
            return other instanceof Count count && count.value == value;
        }

        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** part ÷ whole, compared by both parts exactly (a share can match by chance; its parts cannot). */
    record Share(long part, long whole) implements FigureValue {
        @Override
        public boolean agrees(FigureValue other) {
            return other instanceof Share share && share.part == part && share.whole == whole;
        }

        @Override
        public String text() {
            return part + "/" + whole;
        }
    }

    /** A mean time (ASA), or empty with nothing to average; means of times agree within the tolerance. */
    record Mean(Optional<Duration> value) implements FigureValue {
        @Override
        public boolean agrees(FigureValue other) {
            if (!(other instanceof Mean mean) || mean.value.isPresent() != value.isPresent()) {
                return false;
            }
            return value.isEmpty() || value.get().minus(mean.value.get()).abs().compareTo(TIME_TOLERANCE) <= 0;
        }

        @Override
        public String text() {
            return value.map(d -> String.format(java.util.Locale.ROOT, "%.3f s", d.toNanos() / 1e9)).orElse("-");
        }
    }
}
