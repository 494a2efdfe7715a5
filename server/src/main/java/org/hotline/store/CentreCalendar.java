package org.hotline.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The centre's days and months as instants: where the rollups' day and month documents start. */
record CentreCalendar(ZoneId zone) {

    /** The start of the document of {@code level} that the instant falls in. */
    Instant start(RollupLevel level, Instant instant) {
        return switch (level) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            case MONTH -> instant.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The start of the next document of {@code level} after the one starting at {@code start}. */
    Instant next(RollupLevel level, Instant start) {
        return switch (level) {
            case HOUR -> start.plus(1, ChronoUnit.HOURS);
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.atZone(zone).toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }

    /** The first start of a {@code level} document at or after the instant. */
    Instant startAtOrAfter(RollupLevel level, Instant instant) {
        Instant start = start(level, instant);
        return start.equals(instant) ? start : next(level, start);
    }
}
