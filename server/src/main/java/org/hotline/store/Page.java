package org.hotline.store;

import java.util.List;
import org.hotline.shared.PageCursor;

/**
 * One page of call records.
 *
 * @param calls the calls, by arrival then id
 * @param next  where the next page starts, or null when this is the last page
 */
public record Page(List<CallRecord> calls, PageCursor next) {

    public Page {
        calls = List.copyOf(calls);
    }
}
