package org.hotline.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.report.CallFacts;
import org.hotline.report.ComplianceRule;
import org.hotline.report.ReportRules;
import org.hotline.shared.PageCursor;

/**
 * The drill-down behind a report: the finished calls of a period that broke a rule, read from the
 * raw records in arrival order. Each request reads at most {@value #MOST_READ} records and says
 * where to go on, so no request scans a long period in one go.
 */
public final class BreachFinder {

    static final int MOST_READ = 5_000;
    private static final int PAGE = 500;

    private final CallFactPages records;
    private final ReportRules rules;
    private final Clock clock;

    public BreachFinder(CallFactPages records, ReportRules rules, Clock clock) {
        this.records = records;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @param next where to go on to read more, or null when the period is done
     */
    public record Found(List<ComplianceRule.Breach> breaches, PageCursor next, int read) {
    }

    public Found find(ComplianceRule rule, Instant from, Instant to, Optional<String> queue, Optional<String> agent, int limit,
                      PageCursor after) {
        List<ComplianceRule.Breach> breaches = new ArrayList<>();
        Instant now = clock.instant();
        int read = 0;
        PageCursor cursor = after;
        while (true) {
            CallFactPages.FactsPage page = records.facts(from, to, PAGE, cursor);
            for (CallFactPages.ReadCall call : page.calls()) {
                read++;
                cursor = call.at();
                if (call.finished().isEmpty()) {
                    continue; // still in progress: judged once it is over
                }
                CallFacts facts = call.finished().get();
                if (queue.isPresent() && !queue.get().equals(facts.queue())
                        || agent.isPresent() && !involves(facts, agent.get())) {
                    continue;
                }
                rule.brokenBy(facts, rules, now).ifPresent(breaches::add);
                if (breaches.size() == limit || read >= MOST_READ) {
                    return new Found(breaches, cursor, read);
                }
            }
            if (page.next() == null) {
                return new Found(breaches, null, read);
            }
        }
    }

    private static boolean involves(CallFacts call, String agent) {
        return agent.equals(call.agent()) || call.offers().stream().anyMatch(offer -> agent.equals(offer.agent()));
    }
}
