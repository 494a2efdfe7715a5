package org.hotline.campaign.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hotline.campaign.DoNotCallList;

/**
 * Reads a campaign's contact list from a CSV file: a header row naming the columns (in English
 * or Chinese, see {@link ContactColumn}), then one contact a row. Good rows become
 * {@link UploadedContact}s; a bad row is reported with its row, column and reason and the others
 * are still read; a number on the do-not-call list is reported as skipped. A file that cannot be
 * read as a whole (too large, not text, no header, a quote never closed) is refused with an
 * {@link UploadRefused} and nothing of it is kept.
 *
 * <p>The rows are streamed through the CSV parser: only the contacts themselves are held, not
 * the file's text. Reading from an {@link InputStream} keeps its bytes (at most
 * {@link UploadLimits#maxBytes()}) to read them twice, once to find the encoding; reading from a
 * file reads the file twice instead. The do-not-call list is read during the upload: when it
 * cannot be read, its own exception (a store failure) comes out of {@code read} and nothing is
 * imported.
 */
public final class ContactUpload {

    /** How many numbers one look-up in the do-not-call list asks about. */
    private static final int SCREEN_BATCH = 1_000;
    /** Where Commons CSV's messages say the trouble is: "(startline 12)" or "at line: 12". */
    private static final Pattern PARSER_LINE = Pattern.compile("(?:startline |line: )(\\d+)");

    private final ContactNumbers numbers;
    private final DoNotCallList doNotCall;
    private final Clock clock;

    public ContactUpload(ContactNumbers numbers, DoNotCallList doNotCall, Clock clock) {
        this.numbers = Objects.requireNonNull(numbers);
        this.doNotCall = Objects.requireNonNull(doNotCall);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Reads an upload as it arrives (an HTTP body); refused as soon as it passes {@code limits.maxBytes()}. */
    public UploadResult read(InputStream in, UploadLimits limits) throws IOException, UploadRefused {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        if (bytes.length > limits.maxBytes()) {
            throw tooManyBytes(limits);
        }
        return read(() -> new ByteArrayInputStream(bytes), limits);
    }

    /** Reads an upload kept in a file (an HTTP upload the web framework wrote to disk). */
    public UploadResult read(Path file, UploadLimits limits) throws IOException, UploadRefused {
        if (Files.size(file) > limits.maxBytes()) {
            throw tooManyBytes(limits);
        }
        return read(() -> Files.newInputStream(file), limits);
    }

    private UploadResult read(TextEncoding.Source source, UploadLimits limits) throws IOException, UploadRefused {
        TextEncoding.Detected encoding = TextEncoding.detect(source);
        List<UploadedContact> contacts = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        int rows = 0;
        Header header;
        // RFC 4180 keeps blank lines, so a record's number is its row in a spreadsheet
        try (CSVParser csv = CSVFormat.RFC4180.parse(text(source, encoding))) {
            Iterator<CSVRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw UploadRefused.because("the file is empty: it needs a header row and a contact a row");
            }
            header = Header.of(records.next().toList(), numbers);
            ContactRowReader reader = new ContactRowReader(header, numbers, latestToday());
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = record.toList();
                if (ContactRowReader.blank(cells)) {
                    continue;
                }
                if (++rows > limits.maxRows()) {
                    throw UploadRefused.tooLarge(String.format(Locale.ROOT,
                            "more than %,d contacts: split the list into several uploads", limits.maxRows()));
                }
                int row = (int) record.getRecordNumber();
                ContactRowReader.Reading reading = reader.read(row, cells);
                errors.addAll(reading.errors());
                if (reading.contact() != null) {
                    Integer first = firstRows.putIfAbsent(reading.contact().number(), row);
                    if (first == null) {
                        contacts.add(reading.contact());
                    } else {
                        errors.add(new RowError(row, header.written(ContactColumn.PHONE), "the same number as row " + first));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
        if (rows == 0) {
            throw UploadRefused.because("no contacts: the file has a header row but no rows after it");
        }
        return screened(encoding, rows, contacts, errors, header.ignored());
    }

    private static Reader text(TextEncoding.Source source, TextEncoding.Detected encoding) throws IOException {
        InputStream bytes = source.open();
        bytes.skipNBytes(encoding.bomLength());
        return new InputStreamReader(bytes, TextEncoding.strict(encoding.charset()));
    }

    /** Takes the numbers on the do-not-call list out of the contacts. */
    private UploadResult screened(TextEncoding.Detected encoding, int rows, List<UploadedContact> contacts, List<RowError> errors,
                                  List<String> ignored) {
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < contacts.size(); i += SCREEN_BATCH) {
            listed.addAll(doNotCall.listedAmong(
                    contacts.subList(i, Math.min(contacts.size(), i + SCREEN_BATCH)).stream().map(UploadedContact::number).toList()));
        }
        List<UploadedContact> toCall = contacts;
        List<SkippedContact> skipped = new ArrayList<>();
        if (!listed.isEmpty()) {
            toCall = new ArrayList<>(contacts.size());
            for (UploadedContact contact : contacts) {
                if (listed.contains(contact.number())) {
                    skipped.add(new SkippedContact(contact.row(), contact.number()));
                } else {
                    toCall.add(contact);
                }
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row)); // a duplicate's error comes after its row's own
        return new UploadResult(encoding.charset().name(), rows, toCall, errors, skipped, ignored);
    }

    /** Today in the time zone furthest ahead: an original date is in the future only if it is so everywhere. */
    private LocalDate latestToday() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    private static UploadRefused unreadable(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return UploadRefused.because("the file's encoding changes part way: save it again as \"CSV UTF-8\"");
        }
        // Commons CSV names the line where the quoting went wrong; everything after it would be misread
        Matcher line = PARSER_LINE.matcher(String.valueOf(cause.getMessage()));
        return UploadRefused.because("not a well-formed CSV file" + (line.find() ? " at line " + line.group(1) : "")
                + ": a quote inside a cell must be written twice (\"\"), and a cell that starts with a quote must end with one");
    }

    private static UploadRefused tooManyBytes(UploadLimits limits) {
        return UploadRefused.tooLarge(String.format(Locale.ROOT, "the file is larger than %,d bytes: split the list into several uploads",
                limits.maxBytes()));
    }
}
