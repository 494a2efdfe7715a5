package org.hotline.report;

import java.time.Instant;
import java.util.Map;

/**
 * A report kept as it was made at the end of its period (the handbooks' work log and weekly and
 * monthly reports): the tallies, from which every figure follows.
 */
public record ReportSnapshot(String id, ReportKind kind, ReportPeriod period, Instant madeAt, Tally total,
                             Map<String, Tally> byQueue, Map<String, Tally> byAgent) {

    public ReportSnapshot {
        byQueue = Map.copyOf(byQueue);
        byAgent = Map.copyOf(byAgent);
    }
}
