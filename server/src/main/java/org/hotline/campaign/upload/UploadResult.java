package org.hotline.campaign.upload;

import java.util.List;
import java.util.Locale;

/**
 * What an upload holds: the contacts to import, the rows that are not, and why.
 *
 * @param encoding       the text encoding the file was read in: UTF-8 or GB18030
 * @param rows           the rows after the header, blank rows not counted
 * @param contacts       the good rows, in file order; each number once
 * @param errors         the rows not imported, with the column and the reason; a row may have several
 * @param doNotCall      good rows not imported because the number is on the do-not-call list
 * @param ignoredColumns header cells that name no column this upload reads
 */
public record UploadResult(String encoding, int rows, List<UploadedContact> contacts, List<RowError> errors,
                           List<SkippedContact> doNotCall, List<String> ignoredColumns) {

    public UploadResult {
        contacts = List.copyOf(contacts);
        errors = List.copyOf(errors);
        doNotCall = List.copyOf(doNotCall);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** One line for a supervisor, e.g. "98,500 of 100,000 rows to call; 1,200 rows with errors; 300 on the do-not-call list". */
    public String summary() {
        long badRows = errors.stream().mapToInt(RowError::row).distinct().count();
        return String.format(Locale.ROOT, "%,d of %,d rows to call; %,d rows with errors; %,d on the do-not-call list",
                contacts.size(), rows, badRows, doNotCall.size());
    }
}
