package org.hotline.server;

import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.hotline.cases.Casework;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.TeamLeads;
import org.hotline.config.HotlineConfig;
import org.hotline.store.CallFirstContacts;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.reporting.ReportArchive;
import org.hotline.store.StoredReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What runs on a timer: the scheduled reports, the cases' reply deadlines, and the once-per-store corrections. */
record UpkeepModule(StoredReports storedReports, Casework casework) {

    private static final Logger LOG = LoggerFactory.getLogger(UpkeepModule.class);
    private static final Duration REPORTS_FIRST_RUN = Duration.ofSeconds(20);
    private static final Duration REPORTS_EVERY = Duration.ofMinutes(15);
    private static final Duration CASES_FIRST_CHECK = Duration.ofSeconds(30);
    private static final Duration CASES_EVERY = Duration.ofMinutes(1);

    /** @param roster the active agents now (who escalated cases go to) */
    static UpkeepModule start(Platform platform, StoreModule stored, RecordsModule records,
                              java.util.function.Supplier<java.util.List<org.hotline.routing.Agent>> roster) {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        Vertx vertx = platform.vertx();
        MongoStore store = stored.store();
        StoredReports storedReports = new StoredReports(store.storedReports());
        ReportArchive archive = new ReportArchive(records.rollups(), storedReports, config.centre().timeZone(), clock);
        stored.upkeep().whenStoreUp(() -> Thread.ofVirtual().name("answer-times-upgrade")
                .start(() -> correctAnswerTimes(store, records.rollups(), archive, config, clock)));
        // The work log and the weekly and monthly reports, made once their period is over.
        long archiveTimer = vertx.setPeriodic(REPORTS_FIRST_RUN.toMillis(), REPORTS_EVERY.toMillis(), id ->
                vertx.executeBlocking(archive::catchUp, false).onComplete(done -> {
                    if (done.failed()) {
                        LOG.warn("scheduled reports not made now: {}", done.cause().toString());
                    } else if (done.result() > 0) {
                        LOG.info("{} scheduled report(s) made", done.result());
                    }
                }));
        platform.parts().push(() -> vertx.cancelTimer(archiveTimer));
        // Cases: owner from the first call, the reply deadline watched, owners and team leads told live.
        Casework casework = new Casework(records.caseFile(),
                new CallFirstContacts(records.callRecords(), config.centre().numbers()),
                config.cases().replies(), new EscalationRule(config.cases().escalateAtOnce(), new TeamLeads(roster)),
                new LiveCaseNotices(platform.live()), clock, new SecureRandom());
        platform.parts().push(CaseDeadlineWatch.start(vertx, casework, CASES_FIRST_CHECK, CASES_EVERY));
        return new UpkeepModule(storedReports, casework);
    }

    /**
     * Once per store: records an earlier version wrote with a wrong agent answer time are corrected,
     * their days counted again and their kept reports made again (see docs/figures.md).
     */
    private static void correctAnswerTimes(MongoStore store, HourlyRollups rollups, ReportArchive archive, HotlineConfig config,
                                           Clock clock) {
        try {
            java.time.ZoneId zone = config.centre().timeZone();
            new org.hotline.store.AnswerTimesUpgrade(store, config.routing().talkTime().target(), config.routing().talkTime().limit(),
                    zone, clock)
                    .runOnce().filter(changes -> changes.records() > 0).ifPresent(changes -> {
                        for (java.time.LocalDate day : changes.days()) {
                            rollups.recompute(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
                        }
                        int reports = archive.remakeCovering(changes.days());
                        LOG.info("reports: {} call record(s) of an earlier version had a wrong agent answer time; {} recovered "
                                        + "from talk-time timers, {} now marked unknown (left out of answer-time figures); "
                                        + "{} day(s) counted again, {} kept report(s) made again", changes.records(),
                                changes.answersRecovered(), changes.answersUnknown(), changes.days().size(), reports);
                    });
        } catch (RuntimeException e) {
            LOG.warn("reports: records of an earlier version not corrected now ({}); the next start tries again", e.toString());
        }
    }
}
