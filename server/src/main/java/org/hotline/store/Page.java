package org.hotline.store;

import java.util.List;
import org.bson.Document;

/**
 * One page of call records.
 *
 * @param calls the calls, by arrival then id
 * @param next  where the next page starts, or null when this is the last page
 */
public record Page(List<Document> calls, PageCursor next) {

    public Page {
        calls = List.copyOf(calls);
    }
}
