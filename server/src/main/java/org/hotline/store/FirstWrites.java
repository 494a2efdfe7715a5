package org.hotline.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of the journal's writes cannot be in the store yet: those this run made and has not sent
 * before, or sent in a batch whose outcome it knows. Only those may go by the record's id alone — the
 * one filter the embedded store serves from its {@code _id} index (it matches every stored record
 * for any other shape); a write the store may have taken already (sent in a batch that failed or
 * was not confirmed, or left in the spool by an earlier run) goes conditionally, so it is applied
 * once.
 */
final class FirstWrites {

    private final String run;
    /** Sent without knowing whether the store took them; written by the spool's single thread. */
    private final Set<String> inDoubt = new HashSet<>();

    /** @param run the prefix this run's write ids carry ({@code run.sequence}) */
    FirstWrites(String run) {
        this.run = run;
    }

    boolean isFirst(String writeId) {
        return writeId.length() > run.length() && writeId.startsWith(run) && writeId.charAt(run.length()) == '.'
                && !inDoubt.contains(writeId);
    }

    /** These were sent, and the store may or may not have taken them. */
    void doubt(Collection<String> writeIds) {
        inDoubt.addAll(writeIds);
    }

    /** These are in the store (or were found there): they will not come again. */
    void settle(Collection<String> writeIds) {
        if (!inDoubt.isEmpty()) {
            inDoubt.removeAll(writeIds);
        }
    }
}
