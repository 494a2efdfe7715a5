package org.hotline.campaign.upload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.shared.Printable;
import org.hotline.customer.LocatedNumber;

/** Turns one row of an upload into a contact, or into the reasons it is not one. */
final class ContactRowReader {

    /** 1.38001E+10: a spreadsheet showed a long number in scientific notation and saved it so, digits lost. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");
    /** ="01062345678": how spreadsheet users keep a leading 0 from being dropped. */
    private static final Pattern KEPT_AS_TEXT = Pattern.compile("=\"([^\"]*)\"");
    /** What a spreadsheet runs as a formula when a cell starts with it (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@";

    private final Header header;
    private final ContactNumbers numbers;
    private final LocalDate today;

    ContactRowReader(Header header, ContactNumbers numbers, LocalDate today) {
        this.header = header;
        this.numbers = numbers;
        this.today = today;
    }

    /**
     * The row as a contact, or its errors.
     *
     * @param row the row in the file (the header is row 1)
     */
    Reading read(int row, List<String> cells) {
        List<RowError> errors = new ArrayList<>();
        if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(cell -> !strip(cell).isEmpty())) {
            errors.add(new RowError(row, null, "has " + cells.size() + " cells where the header has " + header.size()
                    + ": a comma inside a cell must be in quotes"));
        }
        LocatedNumber number = number(row, header.cell(cells, ContactColumn.PHONE), errors);
        String name = text(row, cells, ContactColumn.NAME, false, errors);
        String subject = text(row, cells, ContactColumn.SUBJECT, false, errors);
        LocalDate date = date(row, header.cell(cells, ContactColumn.DATE), errors);
        String reference = text(row, cells, ContactColumn.REFERENCE, false, errors);
        String note = text(row, cells, ContactColumn.NOTE, true, errors);
        if (!errors.isEmpty()) {
            return new Reading(null, errors);
        }
        return new Reading(new UploadedContact(row, number.e164(), number.zone(), name, subject, date, reference, note), List.of());
    }

    /** Whether every cell of the row is blank: a spreadsheet's empty row, skipped without an error. */
    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> strip(cell).isEmpty());
    }

    private LocatedNumber number(int row, String cell, List<RowError> errors) {
        String written = strip(cell);
        Matcher keptAsText = KEPT_AS_TEXT.matcher(written);
        if (keptAsText.matches()) {
            written = strip(keptAsText.group(1));
        }
        String problem;
        if (written.isEmpty()) {
            problem = "empty";
        } else if (SCIENTIFIC.matcher(written).matches()) {
            problem = "written as " + written + " by a spreadsheet, which lost digits: format the column as text and export again";
        } else {
            Optional<LocatedNumber> located = numbers.locate(written);
            if (located.isPresent()) {
                return located.get();
            }
            problem = "not a phone number (" + numbers.region() + "): " + Printable.of(written);
        }
        errors.add(new RowError(row, header.written(ContactColumn.PHONE), problem));
        return null;
    }

    private String text(int row, List<String> cells, ContactColumn column, boolean lineBreaks, List<RowError> errors) {
        String cell = header.cell(cells, column);
        String text = cell == null ? "" : strip(lineBreaks ? cell.replace("\r\n", "\n").replace('\r', '\n') : cell);
        String problem = null;
        if (text.isEmpty()) {
            if (!column.required()) {
                return null;
            }
            problem = "empty: the outbound script asks for the customer by name";
        } else if (text.codePointCount(0, text.length()) > column.maxLength()) {
            problem = "longer than " + column.maxLength() + " characters";
        } else if (text.codePoints().anyMatch(cp -> Character.isISOControl(cp) && !(lineBreaks && (cp == '\n' || cp == '\t')))) {
            problem = lineBreaks ? "holds control characters (only line breaks and tabs may be in it)" : "holds control characters or line breaks";
        }
        if (problem != null) {
            errors.add(new RowError(row, header.written(column), problem));
            return null;
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private LocalDate date(int row, String cell, List<RowError> errors) {
        String text = strip(cell);
        if (text.isEmpty()) {
            return null;
        }
        Optional<LocalDate> date = OriginalDate.parse(text);
        String problem;
        if (date.isEmpty()) {
            problem = "not a date: write it year first, e.g. 2026-11-22";
        } else if (date.get().isAfter(today)) {
            problem = "in the future (" + date.get() + ")";
        } else {
            return date.get();
        }
        errors.add(new RowError(row, header.written(ContactColumn.DATE), problem));
        return null;
    }

    /** Strips white space as people type it: also no-break, ideographic and zero-width spaces and stray byte-order marks. */
    static String strip(String cell) {
        if (cell == null) {
            return "";
        }
        int start = 0;
        int end = cell.length();
        while (start < end && invisible(cell.charAt(start))) {
            start++;
        }
        while (end > start && invisible(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /**
     * @param contact the contact, or null when the row has errors
     * @param errors  why the row is not a contact
     */
    record Reading(UploadedContact contact, List<RowError> errors) {
    }
}
