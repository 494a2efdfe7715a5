package org.hotline.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.hotline.report.Measure;
import org.hotline.report.ReportKind;
import org.hotline.report.ReportPeriod;
import org.hotline.report.ReportSnapshot;
import org.hotline.report.Tally;

/**
 * Makes the scheduled reports — the daily work log, the weekly and the monthly report — once their
 * period is over, from the hourly rollups, and keeps them. Periods without a single call get none.
 * Run it as often as wanted: a report already kept is not made again.
 */
public final class ReportArchive {

    /** How far back a catch-up looks (a server that was down over a weekend still makes them). */
    private static final Map<ReportKind, Integer> LOOK_BACK = Map.of(ReportKind.DAY, 35, ReportKind.WEEK, 8, ReportKind.MONTH, 3);

    private final RollupSums rollups;
    private final KeptReports stored;
    private final ZoneId zone;
    private final Clock clock;

    public ReportArchive(RollupSums rollups, KeptReports stored, ZoneId zone, Clock clock) {
        this.rollups = rollups;
        this.stored = stored;
        this.zone = zone;
        this.clock = clock;
    }

    /** Makes the reports of finished periods that are not kept yet; returns how many it made. */
    public int catchUp() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int made = 0;
        for (ReportKind kind : ReportKind.values()) {
            for (LocalDate start : kind.lastCompleted(today, LOOK_BACK.get(kind))) {
                String id = kind.label(start);
                if (!stored.exists(id) && make(id, kind, kind.period(start, zone))) {
                    made++;
                }
            }
        }
        return made;
    }

    /**
     * Makes again the kept reports whose periods hold any of {@code days} (their calls were
     * corrected and recounted); returns how many it made.
     */
    public int remakeCovering(java.util.Collection<LocalDate> days) {
        java.util.Set<String> done = new java.util.HashSet<>();
        int made = 0;
        for (LocalDate day : days) {
            for (ReportKind kind : ReportKind.values()) {
                LocalDate start = kind.startOf(day);
                String id = kind.label(start);
                if (done.add(id) && stored.exists(id) && make(id, kind, kind.period(start, zone))) {
                    made++;
                }
            }
        }
        return made;
    }

    private boolean make(String id, ReportKind kind, ReportPeriod period) {
        Tally total = rollups.sum(period.from(), period.to(), Optional.empty(), Optional.empty(), Optional.empty())
                .getOrDefault("", Tally.ZERO);
        if (total.get(Measure.CALLS) == 0) {
            return false;
        }
        stored.save(new ReportSnapshot(id, kind, period, clock.instant(), total,
                rollups.sum(period.from(), period.to(), Optional.empty(), Optional.empty(), Optional.of("queue")),
                rollups.sum(period.from(), period.to(), Optional.empty(), Optional.empty(), Optional.of("agent"))));
        return true;
    }
}
