package org.hotline.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The centre's days and months as instants: where the rollups' days and months start. */
public record CentreCalendar(ZoneId zone) {

    /** One rollup's worth of a period: an hour, a day or a month. */
    public record Span(RollupLevel level, Instant start) {
    }

    /** The start of the rollup of {@code level} that the instant falls in. */
    public Instant start(RollupLevel level, Instant instant) {
        return switch (level) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            case MONTH -> instant.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The start of the next rollup of {@code level} after the one starting at {@code start}. */
    public Instant next(RollupLevel level, Instant start) {
        return switch (level) {
            case HOUR -> start.plus(1, ChronoUnit.HOURS);
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The first start of a {@code level} rollup at or after the instant. */
    public Instant startAtOrAfter(RollupLevel level, Instant instant) {
        Instant start = start(level, instant);
        return start.equals(instant) ? start : next(level, start);
    }

    /** The spans that make up {@code [from, to)} (whole hours): months for its whole months, days for its other whole days, hours at its ends. */
    public List<Span> cover(Instant from, Instant to) {
        List<Span> spans = new ArrayList<>();
        Instant firstDay = startAtOrAfter(RollupLevel.DAY, from);
        Instant lastDay = start(RollupLevel.DAY, to);
        if (!firstDay.isBefore(lastDay)) {
            add(spans, RollupLevel.HOUR, from, to);
            return spans;
        }
        Instant firstMonth = startAtOrAfter(RollupLevel.MONTH, firstDay);
        Instant lastMonth = start(RollupLevel.MONTH, lastDay);
        if (firstMonth.isBefore(lastMonth)) {
            add(spans, RollupLevel.MONTH, firstMonth, lastMonth);
            add(spans, RollupLevel.DAY, firstDay, firstMonth);
            add(spans, RollupLevel.DAY, lastMonth, lastDay);
        } else {
            add(spans, RollupLevel.DAY, firstDay, lastDay);
        }
        add(spans, RollupLevel.HOUR, from, firstDay);
        add(spans, RollupLevel.HOUR, lastDay, to);
        return spans;
    }

    /** The starts of the {@code level} rollups in {@code [from, to)}. */
    private List<Instant> starts(RollupLevel level, Instant from, Instant to) {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = next(level, start)) {
            starts.add(start);
        }
        return starts;
    }

    private void add(List<Span> spans, RollupLevel level, Instant from, Instant to) {
        starts(level, from, to).forEach(start -> spans.add(new Span(level, start)));
    }
}
