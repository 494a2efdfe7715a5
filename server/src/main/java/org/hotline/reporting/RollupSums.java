package org.hotline.reporting;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hotline.report.Tally;

/** The report measures of a period, added up from the rollups. */
public interface RollupSums {

    /**
     * The measures of the calls that arrived in {@code [from, to)} (whole hours), grouped by
     * {@code "queue"}, {@code "agent"} or not at all (key {@code ""}), optionally for one queue / agent.
     */
    Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by);
}
