package org.hotline.campaign.upload;

/**
 * Why a row of an upload was not imported.
 *
 * @param row    the row in the file, counted as a spreadsheet does (the header is row 1)
 * @param column the column as the file's header names it, or null when the row as a whole is wrong
 * @param reason what is wrong, in plain words
 */
public record RowError(int row, String column, String reason) {
}
