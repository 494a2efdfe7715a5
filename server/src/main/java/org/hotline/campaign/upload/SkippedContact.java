package org.hotline.campaign.upload;

/**
 * A good row that is not imported because its number must not be called.
 *
 * @param row    the row in the file (the header is row 1)
 * @param number E.164
 */
public record SkippedContact(int row, String number) {
}
