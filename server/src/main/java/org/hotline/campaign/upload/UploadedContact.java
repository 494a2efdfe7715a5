package org.hotline.campaign.upload;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A good row of an uploaded contact list: someone a campaign is to call. Text fields are
 * stripped, checked for length and control characters, and a text a spreadsheet would run as a
 * formula ({@code =…}, {@code +…}, {@code -…}, {@code @…}) starts with an apostrophe, so a list
 * exported again opens as plain text.
 *
 * @param row          the row in the file, counted as a spreadsheet does (the header is row 1)
 * @param number       E.164, e.g. +8613800138000
 * @param zone         the customer's time zone, from the number; the centre's when the number does not tell
 * @param name         how the customer is addressed (the outbound script asks for them by name)
 * @param subject      what the original contact was about, or null
 * @param originalDate when the customer originally contacted the centre, or null
 * @param reference    the customer's reference in another system, or null
 * @param note         free text for the agent, or null; may hold line breaks
 */
public record UploadedContact(int row, String number, ZoneId zone, String name, String subject, LocalDate originalDate,
                              String reference, String note) {
}
