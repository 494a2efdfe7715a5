package org.hotline.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.hotline.reporting.CentreCalendar.Span;
import org.junit.jupiter.api.Test;

class CentreCalendarTest {

    private static final CentreCalendar BEIJING = new CentreCalendar(ZoneId.of("Asia/Shanghai"));

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void theCentresDaysAndMonthsStartAtItsMidnight() {
        assertThat(BEIJING.start(RollupLevel.DAY, at("2026-11-22T15:59:00Z"))).isEqualTo(at("2026-11-21T16:00:00Z"));
        assertThat(BEIJING.start(RollupLevel.DAY, at("2026-11-22T16:00:00Z"))).isEqualTo(at("2026-11-22T16:00:00Z"));
        assertThat(BEIJING.start(RollupLevel.MONTH, at("2026-11-30T17:00:00Z"))).isEqualTo(at("2026-11-30T16:00:00Z"));
        assertThat(BEIJING.next(RollupLevel.MONTH, at("2026-10-31T16:00:00Z"))).isEqualTo(at("2026-11-30T16:00:00Z"));
        assertThat(BEIJING.startAtOrAfter(RollupLevel.DAY, at("2026-11-22T16:00:00Z"))).isEqualTo(at("2026-11-22T16:00:00Z"));
        assertThat(BEIJING.startAtOrAfter(RollupLevel.DAY, at("2026-11-22T17:00:00Z"))).isEqualTo(at("2026-11-23T16:00:00Z"));
    }

    @Test
    void aPeriodWithinADayIsReadByTheHour() {
        assertThat(BEIJING.cover(at("2026-11-22T01:00:00Z"), at("2026-11-22T04:00:00Z"))).containsExactly(
                new Span(RollupLevel.HOUR, at("2026-11-22T01:00:00Z")), new Span(RollupLevel.HOUR, at("2026-11-22T02:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-11-22T03:00:00Z")));
    }

    @Test
    void aLongPeriodIsReadByWholeMonthsThenWholeDaysThenHoursAtItsEnds() {
        // from 22 October 01:00 to 2 December 02:00, Beijing time
        assertThat(BEIJING.cover(at("2026-10-21T17:00:00Z"), at("2026-12-01T18:00:00Z"))).containsExactly(
                new Span(RollupLevel.MONTH, at("2026-10-31T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-10-22T16:00:00Z")), new Span(RollupLevel.DAY, at("2026-10-23T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-10-24T16:00:00Z")), new Span(RollupLevel.DAY, at("2026-10-25T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-10-26T16:00:00Z")), new Span(RollupLevel.DAY, at("2026-10-27T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-10-28T16:00:00Z")), new Span(RollupLevel.DAY, at("2026-10-29T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-10-30T16:00:00Z")),
                new Span(RollupLevel.DAY, at("2026-11-30T16:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-21T17:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-21T18:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-21T19:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-21T20:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-21T21:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-21T22:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-21T23:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T00:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T01:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T02:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T03:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T04:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T05:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T06:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T07:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T08:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T09:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T10:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T11:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T12:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T13:00:00Z")), new Span(RollupLevel.HOUR, at("2026-10-22T14:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-10-22T15:00:00Z")),
                new Span(RollupLevel.HOUR, at("2026-12-01T16:00:00Z")), new Span(RollupLevel.HOUR, at("2026-12-01T17:00:00Z")));
    }
}
