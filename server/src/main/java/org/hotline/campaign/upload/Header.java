package org.hotline.campaign.upload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.shared.Printable;

/**
 * The header row of an upload: which cell holds which column. A required column missing, or a
 * column named twice (电话 and 手机 both), refuses the upload: guessing which one to call could
 * dial the wrong line.
 */
final class Header {

    private final Map<ContactColumn, Integer> positions;
    private final Map<ContactColumn, String> written;
    private final List<String> ignored;
    private final int size;

    private Header(Map<ContactColumn, Integer> positions, Map<ContactColumn, String> written, List<String> ignored, int size) {
        this.positions = positions;
        this.written = written;
        this.ignored = ignored;
        this.size = size;
    }

    static Header of(List<String> cells, ContactNumbers numbers) throws UploadRefused {
        Map<ContactColumn, Integer> positions = new EnumMap<>(ContactColumn.class);
        Map<ContactColumn, String> written = new EnumMap<>(ContactColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = ContactRowReader.strip(cells.get(i));
            Optional<ContactColumn> column = ContactColumn.named(cell);
            if (column.isEmpty()) {
                if (!cell.isEmpty()) {
                    ignored.add(cell);
                }
            } else if (positions.containsKey(column.get())) {
                throw UploadRefused.because("the columns " + Printable.of(written.get(column.get())) + " and " + Printable.of(cell)
                        + " both give the " + column.get().shown() + ": keep one of them");
            } else {
                positions.put(column.get(), i);
                written.put(column.get(), cell);
            }
        }
        for (ContactColumn column : ContactColumn.values()) {
            if (column.required() && !positions.containsKey(column)) {
                throw UploadRefused.because(missing(column, cells, numbers));
            }
        }
        return new Header(positions, written, ignored, cells.size());
    }

    private static String missing(ContactColumn column, List<String> cells, ContactNumbers numbers) {
        boolean looksLikeData = cells.stream().anyMatch(cell -> numbers.e164(cell).isPresent());
        String message = "no " + column.shown() + " column (" + column.shownNames() + ")";
        return looksLikeData
                ? message + ": the first row looks like a contact; the first row must name the columns, e.g. phone,name,subject,date,note"
                : message + ": the first row must name the columns, e.g. phone,name,subject,date,note or 电话,姓名,事由,日期,备注";
    }

    /** The column's cell in a row: null when the file has no such column, empty when the row is short. */
    String cell(List<String> row, ContactColumn column) {
        Integer position = positions.get(column);
        if (position == null) {
            return null;
        }
        return position < row.size() ? row.get(position) : "";
    }

    /** How the file's header writes the column, for row errors. */
    String written(ContactColumn column) {
        return written.getOrDefault(column, column.shown());
    }

    /** How many cells the header has. */
    int size() {
        return size;
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }
}
