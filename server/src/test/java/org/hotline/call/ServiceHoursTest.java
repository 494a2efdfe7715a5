package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceHoursTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final ServiceHours handbook = ServiceHours.everyDay(BEIJING, new ServiceHours.Hours(LocalTime.of(9, 0), LocalTime.of(21, 0)));

    private static Instant beijing(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    @Test
    void openFromNineInTheMorningToNineInTheEveningEveryDay() {
        assertThat(handbook.isOpen(beijing("2026-11-22T08:59:59"))).isFalse();
        assertThat(handbook.isOpen(beijing("2026-11-22T09:00:00"))).isTrue();
        assertThat(handbook.isOpen(beijing("2026-11-22T20:59:59"))).isTrue();
        assertThat(handbook.isOpen(beijing("2026-11-22T21:00:00"))).isFalse();
    }

    @Test
    void hoursAreTheCentresLocalTimeNotTheServers() {
        assertThat(handbook.isOpen(Instant.parse("2026-11-22T02:00:00Z"))).as("10:00 in Beijing").isTrue();
        assertThat(handbook.isOpen(Instant.parse("2026-11-22T14:00:00Z"))).as("22:00 in Beijing").isFalse();
    }

    @Test
    void aWeekdayCanBeClosedAndHolidaysAreClosedAllDay() {
        ServiceHours.Hours day = new ServiceHours.Hours(LocalTime.of(9, 0), LocalTime.of(21, 0));
        ServiceHours hours = new ServiceHours(BEIJING, Map.of(DayOfWeek.MONDAY, day, DayOfWeek.SUNDAY, day),
                Set.of(LocalDate.parse("2026-11-23")));
        assertThat(hours.isOpen(beijing("2026-11-22T10:00:00"))).as("a Sunday").isTrue();
        assertThat(hours.isOpen(beijing("2026-11-23T10:00:00"))).as("a Monday holiday").isFalse();
        assertThat(hours.isOpen(beijing("2026-11-24T10:00:00"))).as("a Tuesday, not staffed").isFalse();
    }

    @Test
    void roundTheClockEndsAtMidnightAndBackwardsHoursAreRefused() {
        ServiceHours always = ServiceHours.everyDay(BEIJING, new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        assertThat(always.isOpen(beijing("2026-11-22T23:59:59"))).isTrue();
        assertThat(always.isOpen(beijing("2026-11-22T00:00:00"))).isTrue();
        assertThatThrownBy(() -> new ServiceHours.Hours(LocalTime.of(21, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("not after");
    }

    @Test
    void theNextOpeningAfterHoursIsNineTheNextMorningSkippingHolidays() {
        assertThat(handbook.nextOpening(beijing("2026-11-22T21:30:00"))).contains(beijing("2026-11-23T09:00:00"));
        assertThat(handbook.nextOpening(beijing("2026-11-22T07:00:00"))).contains(beijing("2026-11-22T09:00:00"));
        ServiceHours withHoliday = new ServiceHours(BEIJING, handbook.week(), Set.of(LocalDate.parse("2026-11-23")));
        assertThat(withHoliday.nextOpening(beijing("2026-11-22T21:30:00"))).contains(beijing("2026-11-24T09:00:00"));
    }

    @Test
    void whileOpenTheNextOpeningIsNow() {
        assertThat(handbook.nextOpening(beijing("2026-11-22T12:00:00"))).contains(beijing("2026-11-22T12:00:00"));
    }
}
