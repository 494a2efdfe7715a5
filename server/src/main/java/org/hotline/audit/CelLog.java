package org.hotline.audit;

import java.util.List;

/**
 * The CEL events read for an audit, and what could not be read.
 *
 * @param skipped  lines that were not a CEL event in the expected columns (counted, not fatal)
 * @param problems the first few of them, with their line numbers, for the operator
 */
public record CelLog(List<CelEvent> events, long skipped, List<String> problems) {

    public CelLog {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }
}
