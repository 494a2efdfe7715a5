package org.hotline.http.reports;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hotline.http.ApiError;
import org.hotline.http.Resource;
import org.hotline.http.Responses;
import org.hotline.http.Viewers;
import org.hotline.report.Figures;
import org.hotline.report.Ratio;
import org.hotline.report.ReportPeriod;
import org.hotline.report.Tally;
import org.hotline.shared.AgentId;
import org.hotline.store.HourlyRollups;
import org.hotline.reporting.BreachFinder;
import org.hotline.reporting.WrapUpCodeCount;
import org.hotline.reporting.WrapUpCodeSums;
import org.hotline.store.CaseReports;
import org.hotline.store.OutboundReports;
import org.hotline.store.StoredReports;

/**
 * {@code GET /api/reports}: the time-limit compliance figures of a period, from the hourly rollups
 * (parameters: see {@link ReportQuery}; {@code by=queue|agent} for one row each). It also mounts the
 * drill-down ({@link BreachesResource}) and the scheduled reports ({@link StoredReportsResource}).
 */
public final class ReportsResource implements Resource {

    private final Vertx vertx;
    private final HourlyRollups rollups;
    private final StoredReports stored;
    private final BreachFinder breaches;
    private final ReportQuery query;
    private final CaseReports cases;
    private OutboundReports outbound;
    private WrapUpCodeSums codes;
    private java.util.function.Function<java.time.LocalDate, org.hotline.audit.AuditResult> audit;

    public ReportsResource(Vertx vertx, HourlyRollups rollups, StoredReports stored, BreachFinder breaches, ZoneId zone,
                           Set<String> queues, Predicate<AgentId> knownAgent) {
        this(vertx, rollups, stored, breaches, zone, queues, knownAgent, null);
    }

    /** @param cases the case file's figure and drill-down, or null without a case file (the figure is then "no data") */
    public ReportsResource(Vertx vertx, HourlyRollups rollups, StoredReports stored, BreachFinder breaches, ZoneId zone,
                           Set<String> queues, Predicate<AgentId> knownAgent, CaseReports cases) {
        this.vertx = vertx;
        this.cases = cases;
        this.rollups = rollups;
        this.stored = stored;
        this.breaches = breaches;
        this.query = new ReportQuery(zone, queues, knownAgent);
    }

    /** Adds the campaigns' report ({@code /api/reports/outbound}); before the routes are mounted. */
    public ReportsResource withOutbound(OutboundReports outbound) {
        this.outbound = outbound;
        return this;
    }

    /** Adds each row's count of calls per wrap-up code ({@code wrapUpCodes}); before the routes are mounted. */
    public ReportsResource withWrapUpCodes(WrapUpCodeSums codes) {
        this.codes = codes;
        return this;
    }

    /** Adds the day's audit against Asterisk's CEL ({@code /api/reports/audit}); before the routes are mounted. */
    public ReportsResource withAudit(java.util.function.Function<java.time.LocalDate, org.hotline.audit.AuditResult> audit) {
        this.audit = audit;
        return this;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/reports").handler(this::report);
        if (audit != null) {
            new ReportAuditResource(vertx, audit).mount(router);
        }
        if (outbound != null) {
            new OutboundReportsResource(vertx, outbound, query).mount(router);
        }
        new BreachesResource(vertx, breaches, query).mount(router);
        new StoredReportsResource(vertx, stored, query).mount(router);
        if (cases != null) {
            new LateCasesResource(vertx, cases, query).mount(router);
        }
    }

    private void report(RoutingContext ctx) {
        ReportPeriod period;
        Optional<String> queue;
        Optional<String> agent;
        Optional<String> by;
        boolean csv;
        String language;
        try {
            period = query.period(ctx);
            queue = query.queue(ctx);
            agent = query.agent(ctx);
            csv = ReportQuery.csv(ctx);
            language = ReportQuery.language(ctx);
            by = ReportQuery.param(ctx, "by").map(field -> {
                if (!field.equals("queue") && !field.equals("agent")) {
                    throw ApiError.badParameter("by", "queue or agent");
                }
                return field;
            });
            var self = Viewers.onlyAgent(ctx);
            if (self.isPresent() && (!agent.equals(Optional.of(self.get().value())) || by.isPresent() || csv)) {
                throw new ApiError(403, "an agent reads only their own figures: agent=" + self.get().value() + ", no 'by', no CSV");
            }
        } catch (ApiError error) {
            error.send(ctx.response());
            return;
        }
        vertx.executeBlocking(() -> {
            Map<String, Tally> tallies = rollups.sum(period.from(), period.to(), queue, agent, by);
            Map<String, SortedMap<String, Long>> coded = codes == null ? Map.of()
                    : WrapUpCodeCount.byRow(codes.coded(period.from(), period.to(), queue, agent), by);
            return new Read(tallies, caseFigures(period, queue, agent, by, tallies), coded);
        }, false).onComplete(done -> {
            if (done.failed()) {
                new ApiError(503, "reports unavailable: " + done.cause().getMessage()).send(ctx.response());
                return;
            }
            Map<String, Tally> tallies = done.result().tallies();
            Map<String, Ratio> caseRows = done.result().cases();
            Map<String, SortedMap<String, Long>> coded = done.result().codes();
            SortedMap<String, Long> uncoded = WrapUpCodeCount.none(coded);
            JsonObject body = new JsonObject()
                    .put("from", period.from().toString())
                    .put("to", period.to().toString())
                    .put("timeZone", query.zone().getId())
                    .put("queue", queue.orElse(null))
                    .put("agent", agent.orElse(null));
            JsonArray rows = new JsonArray();
            if (by.isEmpty()) {
                body.put("figures", FiguresJson.of(Figures.of(tallies.getOrDefault("", Tally.ZERO)), caseRows.get("")));
                body.put("wrapUpCodes", new JsonObject(new LinkedHashMap<>(coded.getOrDefault("", uncoded))));
                rows.add(new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
                        .put("figures", body.getJsonObject("figures")).put("wrapUpCodes", body.getJsonObject("wrapUpCodes")));
            } else {
                Set<String> keys = new TreeSet<>(tallies.keySet());
                keys.addAll(coded.keySet()); // a call coded after its share was counted is still among the rows
                for (String key : keys) {
                    rows.add(new JsonObject().put(by.get(), key)
                            .put("figures", FiguresJson.of(Figures.of(tallies.getOrDefault(key, Tally.ZERO)), caseRows.get(key)))
                            .put("wrapUpCodes", new JsonObject(new LinkedHashMap<>(coded.getOrDefault(key, uncoded)))));
                }
                body.put("by", by.get()).put("rows", rows);
            }
            if (csv) {
                CsvTable table = new CsvTable();
                rows.forEach(row -> table.add(FiguresCsv.row((JsonObject) row, language)));
                table.send(ctx.response(), "report-" + period.from() + ".csv");
            } else {
                Responses.json(ctx, 200, body);
            }
        });
    }

    /** What a report reads: the rollups' tallies, the cases' figure and the wrap-up codes, by the same row keys ("" for the total). */
    private record Read(Map<String, Tally> tallies, Map<String, Ratio> cases, Map<String, SortedMap<String, Long>> codes) {
    }

    /**
     * The cases' figure for the total, or for each agent's row; none for a queue (cases have no
     * queue) or without a case file.
     */
    private Map<String, Ratio> caseFigures(ReportPeriod period, Optional<String> queue, Optional<String> agent,
                                           Optional<String> by, Map<String, Tally> tallies) {
        Map<String, Ratio> figures = new java.util.HashMap<>();
        if (cases == null || queue.isPresent() || by.filter("queue"::equals).isPresent()) {
            return figures;
        }
        if (by.isEmpty()) {
            figures.put("", cases.repliesWithinDeadline(period, agent));
        } else {
            for (String row : tallies.keySet()) {
                if (AgentId.isValid(row)) {
                    figures.put(row, cases.repliesWithinDeadline(period, Optional.of(row)));
                }
            }
        }
        return figures;
    }
}
