package org.hotline.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.report.CallFacts;
import org.hotline.shared.PageCursor;

/** The call records of a period as the reports read them, a page at a time, by arrival then id. */
public interface CallFactPages {

    /**
     * @param calls the page's calls
     * @param next  where the next page starts, or null when this is the last page
     */
    record FactsPage(List<ReadCall> calls, PageCursor next) {
    }

    /**
     * One call record.
     *
     * @param at       where it stands in the period: a page that ends here goes on after it
     * @param finished the call's facts once it is over; empty while it is in progress
     */
    record ReadCall(PageCursor at, Optional<CallFacts> finished) {
    }

    /**
     * @param limit at most this many calls
     * @param after the previous page's {@link FactsPage#next()}, or null for the first page
     */
    FactsPage facts(Instant from, Instant to, int limit, PageCursor after);
}
