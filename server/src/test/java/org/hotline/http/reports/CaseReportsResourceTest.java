package org.hotline.http.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.hotline.cases.Case;
import org.hotline.cases.CaseNotices;
import org.hotline.cases.CaseStatus;
import org.hotline.cases.Casework;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.NewCase;
import org.hotline.cases.Particulars;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.cases.TeamLeads;
import org.hotline.http.ResourceFixture;
import org.hotline.report.ReportRules;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.hotline.reporting.BreachFinder;
import org.hotline.store.CallRecords;
import org.hotline.store.CaseReports;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoCases;
import org.hotline.store.StoredReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reports' case figure: customers answered by the deadline ÷ cases due in the period, and the late ones. */
class CaseReportsResourceTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY_TEN = Instant.parse("2026-11-16T02:00:00Z"); // 10:00 in Beijing
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");

    private final TestClock clock = new TestClock(MONDAY_TEN);
    private ResourceFixture http;
    private Casework casework;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        MongoCases cases = new MongoCases(http.store.cases());
        ReplyDeadline threeDays = ReplyDeadline.handbook(BEIJING);
        casework = new Casework(cases, call -> Optional.empty(), threeDays,
                new EscalationRule(Severity.URGENT, new TeamLeads(List.of())), CaseNotices.none(), clock, new Random(2));
        HourlyRollups rollups = new HourlyRollups(http.store, new org.hotline.store.CallLedger(http.store.callLedger()),
                ReportRules.handbook(), BEIJING, clock);
        http.serve(router -> new ReportsResource(http.vertx, rollups, new StoredReports(http.store.storedReports()),
                new BreachFinder(new CallRecords(http.store.calls()), ReportRules.handbook(), clock), BEIJING,
                Set.of("orders"), Set.of(LI, WANG)::contains, new CaseReports(cases, threeDays, clock)).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private Case open(AgentId owner) {
        return casework.open(new NewCase(new Particulars(null, null, null, "发票开错了", null, "+8613800138000"), "billing",
                Severity.NORMAL, null, owner, null, null));
    }

    private JsonObject figure(String uri) throws Exception {
        JsonObject report = http.get(uri).bodyAsJsonObject();
        return report.getJsonObject("figures").getJsonObject("casesRepliedWithinDeadline");
    }

    @Test
    void withNoCaseDueInThePeriodTheFigureIsNoDataNotZero() throws Exception {
        assertThat(figure("/api/reports?period=week&date=2026-11-16"))
                .isEqualTo(new JsonObject().put("part", 0).put("whole", 0).put("value", null));
    }

    @Test
    void casesDueInThePeriodCountAnsweredByTheDeadlineOverDecidedAndTheLateOnesAreListed() throws Exception {
        Case inTime = open(LI);
        Case late = open(LI);
        Case unanswered = open(WANG);
        clock.advance(Duration.ofDays(1));
        casework.move(inTime.id(), CaseStatus.REPLIED, null, LI, null);
        clock.advance(Duration.ofDays(2).plusHours(3)); // Thursday 13:00: all three were due at 10:00
        casework.move(late.id(), CaseStatus.REPLIED, null, LI, null);

        assertThat(figure("/api/reports?period=week&date=2026-11-16"))
                .isEqualTo(new JsonObject().put("part", 1).put("whole", 3).put("value", 1.0 / 3));
        assertThat(figure("/api/reports?period=week&date=2026-11-16&agent=010").getDouble("value")).isEqualTo(0.5);
        assertThat(figure("/api/reports?period=day&date=2026-11-16").getValue("value")).as("none due on Monday").isNull();

        JsonObject drillDown = http.get("/api/reports/late-cases?period=week&date=2026-11-16").bodyAsJsonObject();
        assertThat(drillDown.getJsonArray("cases").stream().map(c -> ((JsonObject) c).getString("case")))
                .containsExactlyInAnyOrder(late.id().value(), unanswered.id().value());
        assertThat(drillDown.getJsonArray("cases").stream().map(c -> ((JsonObject) c).getDouble("lateSeconds")))
                .containsOnly(3.0 * 3600);
        assertThat(http.get("/api/reports/late-cases?period=week&date=2026-11-16&agent=011").bodyAsJsonObject()
                .getInteger("count")).isEqualTo(1);
    }

    @Test
    void theFigureIsInTheCsvAndAQueuesReportHasNoneAsCasesHaveNoQueue() throws Exception {
        Case answered = open(LI);
        casework.move(answered.id(), CaseStatus.REPLIED, null, LI, null);

        String csv = http.get("/api/reports?period=week&date=2026-11-16&format=csv").bodyAsString();
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Cases answered by their deadline (%)");
        assertThat(figure("/api/reports?period=week&date=2026-11-16&queue=orders")).as("cases have no queue").isNull();
        assertThat(http.get("/api/reports/late-cases?period=week&date=2026-11-16&queue=orders").statusCode()).isEqualTo(400);
    }
}
