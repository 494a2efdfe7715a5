package org.hotline.campaign.upload;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date of a customer's original contact as spreadsheets in China and elsewhere write
 * it, year first: 2026-11-22, 2026/11/22, 2026.11.22, 2026年11月22日, with or without a time after
 * it (dropped: the outbound script names the day). Day-first and month-first dates (22/11/2026,
 * 11/22/2026) cannot be told apart, so they are not read.
 */
final class OriginalDate {

    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T\\s]+\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2}(?:\\.\\d+)?)?)?");

    private OriginalDate() {
    }

    static Optional<LocalDate> parse(String text) {
        Matcher m = YEAR_FIRST.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2026-02-30
        }
    }
}
