package org.hotline.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The time a report covers, {@code [from, to)}: a day, a week (Monday to Sunday) or a month in the
 * centre's time zone, or a custom range of whole hours. Reports add up hourly rollups, so every
 * period starts and ends on a whole hour.
 */
public record ReportPeriod(Instant from, Instant to) {

    /** The longest range one report may cover: no request reads the whole history. */
    public static final Duration LONGEST = Duration.ofDays(366);

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        if (!from.equals(from.truncatedTo(ChronoUnit.HOURS)) || !to.equals(to.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("a period starts and ends on a whole hour");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a period covers at most " + LONGEST.toDays() + " days");
        }
    }

    public static ReportPeriod day(LocalDate date, ZoneId zone) {
        return between(date, date.plusDays(1), zone);
    }

    /** The Monday-to-Sunday week that {@code date} falls in. */
    public static ReportPeriod week(LocalDate date, ZoneId zone) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return between(monday, monday.plusWeeks(1), zone);
    }

    public static ReportPeriod month(YearMonth month, ZoneId zone) {
        return between(month.atDay(1), month.plusMonths(1).atDay(1), zone);
    }

    private static ReportPeriod between(LocalDate first, LocalDate afterLast, ZoneId zone) {
        return new ReportPeriod(first.atStartOfDay(zone).toInstant(), afterLast.atStartOfDay(zone).toInstant());
    }

    /**
     * Whether the zone's days start on whole UTC hours (always, for zones a whole number of hours
     * from UTC); the hourly rollups can then make its days, weeks and months.
     */
    public static boolean fitsHourlyRollups(ZoneId zone) {
        return zone.getRules().getTransitions().stream().allMatch(t -> t.getOffsetAfter().getTotalSeconds() % 3600 == 0)
                && zone.getRules().getOffset(Instant.now()).getTotalSeconds() % 3600 == 0;
    }
}
