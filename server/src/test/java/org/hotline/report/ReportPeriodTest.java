package org.hotline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void aDayRunsFromLocalMidnightToLocalMidnight() {
        ReportPeriod day = ReportPeriod.day(LocalDate.parse("2026-11-22"), BEIJING);
        assertThat(day.from()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
    }

    @Test
    void aWeekRunsMondayToSundayWhicheverDayIsGiven() {
        ReportPeriod week = ReportPeriod.week(LocalDate.parse("2026-11-22"), BEIJING); // a Sunday
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z")); // Monday 16 Nov, 00:00 Beijing
        assertThat(week.to()).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
    }

    @Test
    void aMonthCrossesIntoTheNextAtLocalMidnightIncludingFebruaryOfALeapYear() {
        ReportPeriod february = ReportPeriod.month(YearMonth.parse("2028-02"), BEIJING);
        assertThat(february.from()).isEqualTo(Instant.parse("2028-01-31T16:00:00Z"));
        assertThat(february.to()).isEqualTo(Instant.parse("2028-02-29T16:00:00Z"));
    }

    @Test
    void customRangesAreWholeHoursForwardAndBounded() {
        assertThatThrownBy(() -> new ReportPeriod(Instant.parse("2026-11-22T01:30:00Z"), Instant.parse("2026-11-22T03:00:00Z")))
                .hasMessageContaining("whole hour");
        assertThatThrownBy(() -> new ReportPeriod(Instant.parse("2026-11-22T03:00:00Z"), Instant.parse("2026-11-22T01:00:00Z")))
                .hasMessageContaining("end after");
        assertThatThrownBy(() -> new ReportPeriod(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")))
                .hasMessageContaining("at most 366 days");
    }

    @Test
    void onlyZonesAWholeNumberOfHoursFromUtcFitTheHourlyRollups() {
        assertThat(ReportPeriod.fitsHourlyRollups(BEIJING)).isTrue();
        assertThat(ReportPeriod.fitsHourlyRollups(ZoneId.of("UTC"))).isTrue();
        assertThat(ReportPeriod.fitsHourlyRollups(ZoneId.of("Asia/Kolkata"))).isFalse();
    }
}
