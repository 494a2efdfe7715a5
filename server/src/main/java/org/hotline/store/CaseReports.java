package org.hotline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline.cases.Case;
import org.hotline.cases.ReplyDeadline;
import org.hotline.report.Ratio;
import org.hotline.report.ReportPeriod;
import org.hotline.shared.AgentId;
import org.hotline.shared.PageCursor;

/**
 * The reports' view of the case file: of the cases due in a period, how many customers were
 * answered by the deadline, and the cases that were not. Read from the cases themselves (they are
 * few beside calls), so a case answered after a report was made counts in the next one read.
 */
public final class CaseReports {

    private final MongoCases cases;
    private final ReplyDeadline deadlines;
    private final Clock clock;

    public CaseReports(MongoCases cases, ReplyDeadline deadlines, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A case answered late, or past its deadline and not answered yet, and by how much (so far). */
    public record LateCase(Case late, Duration lateBy) {
    }

    /** @param next the cursor of the following page, or null on the last page */
    public record LatePage(List<LateCase> cases, PageCursor next) {
    }

    /** @param owner only the cases this agent owns; empty for all */
    public Ratio repliesWithinDeadline(ReportPeriod period, Optional<String> owner) {
        return cases.repliesWithinDeadline(period.from(), period.to(), owner.map(AgentId::new).orElse(null), clock.instant());
    }

    public LatePage late(ReportPeriod period, Optional<String> owner, int limit, PageCursor after) {
        Instant now = clock.instant();
        MongoCases.CasePage page = cases.late(period.from(), period.to(), owner.map(AgentId::new).orElse(null), now, limit, after);
        return new LatePage(page.cases().stream()
                .map(c -> new LateCase(c, deadlines.lateBy(c, now).orElse(Duration.ZERO)))
                .toList(), page.next());
    }
}
