package org.hotline.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV that {@code cel_custom} writes (columns: EventEnum, EventTime, UniqueID, LinkedID, ChanName,
 * Context, Exten, Num, AppName, AppData, Peer, UserDefType, EventExtra; every field quoted, {@code ""} for a
 * quote). Times are Asterisk's default {@code <epoch seconds>.<microseconds>}. A line that does not fit is
 * skipped and counted, never fatal: the log is written by another program and may end mid-line.
 */
public final class CelFile {

    static final int COLUMNS = 13;
    private static final int PROBLEMS_KEPT = 5;

    private CelFile() {
    }

    /** The events in {@code [from, to)}; the file is read as it streams, only those events are kept. */
    public static CelLog read(Path file, Instant from, Instant to) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, from, to);
        }
    }

    public static CelLog read(Reader source, Instant from, Instant to) throws IOException {
        BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        List<CelEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long skipped = 0;
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                CelEvent event = parse(line);
                if (!event.time().isBefore(from) && event.time().isBefore(to)) {
                    events.add(event);
                }
            } catch (IllegalArgumentException e) {
                skipped++;
                if (problems.size() < PROBLEMS_KEPT) {
                    problems.add("line " + number + ": " + e.getMessage());
                }
            }
        }
        return new CelLog(events, skipped, problems);
    }

    static CelEvent parse(String line) {
        List<String> f = fields(line);
        if (f.size() != COLUMNS) {
            throw new IllegalArgumentException(f.size() + " columns, expected " + COLUMNS);
        }
        return new CelEvent(f.get(0), time(f.get(1)), required(f.get(2), "unique id"), required(f.get(3), "linked id"),
                required(f.get(4), "channel"), f.get(5), f.get(6), f.get(7), f.get(8), f.get(9), f.get(10), f.get(11),
                f.get(12));
    }

    /** {@code 1796529891.910836} → that instant, to the microsecond. */
    static Instant time(String text) {
        if (!text.matches("\\d{1,12}\\.\\d{1,9}")) {
            throw new IllegalArgumentException("event time '" + shorten(text) + "' is not <epoch seconds>.<fraction>"
                    + " (cel.conf must not set a dateformat)");
        }
        BigDecimal seconds = new BigDecimal(text);
        long whole = seconds.longValue();
        return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
    }

    private static String required(String value, String what) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no " + what);
        }
        return value;
    }

    /** One line's fields: quoted or bare, separated by commas, {@code ""} inside quotes for a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(COLUMNS);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quote is never closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String shorten(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
