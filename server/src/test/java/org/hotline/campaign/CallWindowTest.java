package org.hotline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void opensAtNineAndClosesAtNineInTheEvening() {
        CallWindow window = CallWindow.STANDARD;
        assertFalse(window.isOpen(at("2026-11-23T08:59:59", SHANGHAI), SHANGHAI));
        assertTrue(window.isOpen(at("2026-11-23T09:00:00", SHANGHAI), SHANGHAI));
        assertTrue(window.isOpen(at("2026-11-23T20:59:59", SHANGHAI), SHANGHAI));
        assertFalse(window.isOpen(at("2026-11-23T21:00:00", SHANGHAI), SHANGHAI));
    }

    @Test
    void theWindowIsTheCustomersLocalTimeNotTheCentres() {
        // 10:00 in Shanghai is 21:00 the evening before in New York (winter time): too late there.
        Instant morningInShanghai = at("2026-11-23T10:00:00", SHANGHAI);
        assertTrue(CallWindow.STANDARD.isOpen(morningInShanghai, SHANGHAI));
        assertFalse(CallWindow.STANDARD.isOpen(morningInShanghai, NEW_YORK));
        assertEquals(at("2026-11-23T09:00:00", NEW_YORK), CallWindow.STANDARD.nextOpening(morningInShanghai, NEW_YORK));
    }

    @Test
    void afterClosingTheNextOpeningIsTomorrowMorning() {
        assertEquals(at("2026-11-24T09:00:00", SHANGHAI),
                CallWindow.STANDARD.nextOpening(at("2026-11-23T21:00:00", SHANGHAI), SHANGHAI));
        assertEquals(at("2026-11-23T09:00:00", SHANGHAI),
                CallWindow.STANDARD.nextOpening(at("2026-11-23T03:00:00", SHANGHAI), SHANGHAI));
    }

    @Test
    void daysOffAreSkipped() {
        CallWindow weekdays = new CallWindow(LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        // Friday 2026-11-27 after closing: next is Monday the 30th.
        assertEquals(at("2026-11-30T09:00:00", SHANGHAI), weekdays.nextOpening(at("2026-11-27T18:30:00", SHANGHAI), SHANGHAI));
    }

    @Test
    void aWindowThatClosesBeforeItOpensOrHasNoDaysIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CallWindow(LocalTime.of(21, 0), LocalTime.of(9, 0),
                EnumSet.allOf(DayOfWeek.class)));
        assertThrows(IllegalArgumentException.class, () -> new CallWindow(LocalTime.of(9, 0), LocalTime.of(21, 0), Set.of()));
    }
}
