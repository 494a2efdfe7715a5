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
public record ServiceHours(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) implements OpeningHours {

    /** Open from {@code opens} (inclusive) to {@code closes} (exclusive); {@code closes} of 00:00 means midnight. */
    public record Hours(LocalTime opens, LocalTime closes) {

        private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

        public Hours {
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw new IllegalArgumentException("closing time " + closes + " is not after opening time " + opens);
            }
        }

        /**
         * Reads "09:00-21:00" ("24:00" for midnight); "closed" is empty.
         *
         * @throws IllegalArgumentException saying what is wrong
         */
        public static Optional<Hours> parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("expected a time range like 09:00-21:00, or closed");
            }
            if (text.strip().equalsIgnoreCase("closed")) {
                return Optional.empty();
            }
            java.util.regex.Matcher m = RANGE.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
                        + "' is not a time range like 09:00-21:00 (or closed)");
            }
            try {
                LocalTime opens = LocalTime.parse(m.group(1));
                LocalTime closes = m.group(2).equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
                return Optional.of(new Hours(opens, closes));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time range like 09:00-21:00 (or closed)");
            }
        }

        /** As {@link #parse} reads it. */
        public String text() {
            return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
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

    @Override
    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        Hours today = week.get(local.getDayOfWeek());
        return today != null && today.contains(local.toLocalTime());
    }

    @Override
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
