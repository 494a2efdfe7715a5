package org.hotline.customer;

import java.time.ZoneId;

/**
 * A phone number and where it is in time.
 *
 * @param e164 the number in E.164 form
 * @param zone the time zone its prefix names, or null when it names none or several
 */
public record LocatedNumber(String e164, ZoneId zone) {
}
