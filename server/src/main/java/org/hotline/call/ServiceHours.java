package org.hotline.call;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When the hotline is staffed, in the centre's time zone: opening hours per weekday (none =
 * closed that day), and holidays when it is closed all day.
 */
public record ServiceHours(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {

    /** Open from {@code opens} (inclusive) to {@code closes} (exclusive); {@code closes} of 00:00 means midnight. */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw new IllegalArgumentException("closing time " + closes + " is not after opening time " + opens);
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
        }
    }

    public ServiceHours {
        week = Map.copyOf(week);
        holidays = Set.copyOf(holidays);
    }

    /** The handbook's hours: 9:00 to 21:00 every day. */
    public static ServiceHours everyDay(ZoneId zone, Hours hours) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, hours);
        }
        return new ServiceHours(zone, week, Set.of());
    }

    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        Hours today = week.get(local.getDayOfWeek());
        return today != null && today.contains(local.toLocalTime());
    }

    /** The next time the hotline opens after {@code moment} (or {@code moment} itself when open), within two weeks. */
    public Optional<Instant> nextOpening(Instant moment) {
        if (isOpen(moment)) {
            return Optional.of(moment);
        }
        ZonedDateTime local = moment.atZone(zone);
        for (int day = 0; day <= 14; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            Hours hours = week.get(date.getDayOfWeek());
            if (hours == null || holidays.contains(date)) {
                continue;
            }
            Instant opens = date.atTime(hours.opens()).atZone(zone).toInstant();
            if (opens.isAfter(moment)) {
                return Optional.of(opens);
            }
        }
        return Optional.empty();
    }
}
