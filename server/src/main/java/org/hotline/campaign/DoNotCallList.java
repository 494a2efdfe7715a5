package org.hotline.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.customer.Customer;

/**
 * The numbers the centre must never dial in a campaign: customers who asked not to be called,
 * numbers under a complaint, numbers the law protects. Keyed by the number in E.164 form. It is
 * honoured whatever the source of a number: an upload marks listed numbers as skipped, and the
 * dialer asks {@link #contains} again just before each call, since a number may be listed after
 * its campaign was made. Blocking; callers run it off the event loop.
 */
public interface DoNotCallList extends DoNotCall {

    int MAX_LIMIT = 500;

    /** Which of the numbers are on the list: one look-up for many, for an upload of thousands. */
    Set<String> listedAmong(Collection<String> e164s);

    /**
     * Puts the number on the list; a number already there keeps the entry it has (when and why
     * it was first listed).
     *
     * @return true when the number was not on the list before
     */
    boolean add(Entry entry);

    /** @return true when the number was on the list */
    boolean remove(String e164);

    Optional<Entry> find(String e164);

    /**
     * The list by number.
     *
     * @param after the last number of the previous page, or null for the first page
     * @param limit at most this many, 1 to {@value #MAX_LIMIT}
     */
    Page list(String after, int limit);

    /**
     * One number on the list.
     *
     * @param number  E.164
     * @param reason  why it must not be called, in plain words
     * @param by      who put it on the list
     * @param addedAt when
     */
    record Entry(String number, String reason, String by, Instant addedAt) {

        public static final int MAX_REASON = 200;
        public static final int MAX_BY = 100;

        public Entry {
            if (!Customer.isE164(number)) {
                throw new IllegalArgumentException("number: not an E.164 number");
            }
            reason = required("reason", reason, MAX_REASON);
            by = required("by", by, MAX_BY);
            if (addedAt == null) {
                throw new IllegalArgumentException("addedAt: is required");
            }
        }

        private static String required(String field, String text, int max) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(field + ": is required");
            }
            String stripped = text.strip();
            if (stripped.codePointCount(0, stripped.length()) > max || stripped.codePoints().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + ": at most " + max + " characters, no control characters");
            }
            return stripped;
        }
    }

    /**
     * @param entries the entries, by number
     * @param next    the number the next page starts after, or null on the last page
     */
    record Page(List<Entry> entries, String next) {

        public Page {
            entries = List.copyOf(entries);
        }
    }
}
