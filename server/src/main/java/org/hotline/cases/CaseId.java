package org.hotline.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.hotline.shared.Printable;

/**
 * A case's number, the one an agent reads out to the customer: the day it was opened in the
 * centre's time zone and six letters or digits, e.g. {@code 20261122-4F7K2Q}.
 */
public record CaseId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{8}-[0-9A-HJKMNP-TV-Z]{6}");
    /** Crockford's base 32: no I, L, O or U, so what is read out over the phone is not misheard. */
    private static final String LETTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public CaseId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a case number: " + Printable.of(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    public static CaseId next(Instant at, ZoneId zone, RandomGenerator random) {
        StringBuilder id = new StringBuilder(LocalDate.ofInstant(at, zone).format(DAY)).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return new CaseId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
