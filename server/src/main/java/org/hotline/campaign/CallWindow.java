package org.hotline.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a customer may be called, in the customer's own local time: from {@code opens}
 * (inclusive) to {@code closes} (exclusive), on the given days.
 */
public record CallWindow(LocalTime opens, LocalTime closes, Set<DayOfWeek> days) {

    /** The handbooks' hours, 9:00 to 21:00, every day. */
    public static final CallWindow STANDARD = new CallWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), EnumSet.allOf(DayOfWeek.class));

    public CallWindow {
        if (opens == null || closes == null || !closes.isAfter(opens)) {
            throw new IllegalArgumentException("a call window closes after it opens, within one day (got " + opens + "–" + closes + ")");
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a call window needs at least one day");
        }
        days = Set.copyOf(days);
    }

    public boolean isOpen(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** {@code moment} itself when the window is open then, else the next time it opens. */
    public Instant nextOpening(Instant moment, ZoneId zone) {
        if (isOpen(moment, zone)) {
            return moment;
        }
        LocalDate date = moment.atZone(zone).toLocalDate();
        for (int day = 0; day <= 7; day++) {
            LocalDate candidate = date.plusDays(day);
            if (!days.contains(candidate.getDayOfWeek())) {
                continue;
            }
            Instant opening = candidate.atTime(opens).atZone(zone).toInstant();
            if (opening.isAfter(moment)) {
                return opening;
            }
        }
        throw new IllegalStateException("a window with days never opens"); // unreachable: days is not empty
    }
}
