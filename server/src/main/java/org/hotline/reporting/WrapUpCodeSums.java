package org.hotline.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The wrap-up codes of a period's calls, read from their records. */
public interface WrapUpCodeSums {

    /** The codes of the calls that arrived in {@code [from, to)}, optionally of one queue / agent. */
    List<CodedCall> coded(Instant from, Instant to, Optional<String> queue, Optional<String> agent);
}
