package org.hotline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reports the handbooks ask for on a schedule: the daily work log, weekly and monthly reports. */
public enum ReportKind {
    DAY, WEEK, MONTH;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored report's name, e.g. {@code day-2026-11-22}, {@code week-2026-11-16} (its Monday), {@code month-2026-11}. */
    public String label(LocalDate start) {
        return id() + "-" + (this == MONTH ? YearMonth.from(start).toString() : start.toString());
    }

    /** The first day of this kind's period that holds {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public ReportPeriod period(LocalDate start, ZoneId zone) {
        return switch (this) {
            case DAY -> ReportPeriod.day(start, zone);
            case WEEK -> ReportPeriod.week(start, zone);
            case MONTH -> ReportPeriod.month(YearMonth.from(start), zone);
        };
    }

    /**
     * The first days of the last {@code count} periods of this kind that are over by {@code today}
     * (in the centre's zone), newest first.
     */
    public List<LocalDate> lastCompleted(LocalDate today, int count) {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate current = switch (this) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        for (int i = 1; i <= count; i++) {
            starts.add(switch (this) {
                case DAY -> current.minusDays(i);
                case WEEK -> current.minusWeeks(i);
                case MONTH -> current.minusMonths(i);
            });
        }
        return starts;
    }
}
