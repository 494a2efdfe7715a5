package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.cases.Case;
import org.hotline.cases.CaseFileInMemory;
import org.hotline.cases.Casework;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.NewCase;
import org.hotline.cases.Particulars;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.cases.TeamLeads;
import org.hotline.live.LiveEvent;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;

/** Owners and team leads hear of their cases on the live channel: opened, escalated, overdue. */
class CaseNoticesOnTheLiveChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId ZHANG = new AgentId("001");

    private final TestClock clock = new TestClock(NOW);
    private final List<LiveEvent> published = new CopyOnWriteArrayList<>();
    private final CaseFileInMemory file = new CaseFileInMemory();

    private Casework casework(List<Agent> roster) {
        return new Casework(file, call -> Optional.empty(), ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai")),
                new EscalationRule(Severity.HIGH, new TeamLeads(roster)), new LiveCaseNotices(published::add), clock,
                new Random(9));
    }

    private static NewCase request(Severity severity) {
        return new NewCase(new Particulars(null, null, null, "发票开错了", null, "+8613800138000"), "billing", severity, null, LI,
                null, null);
    }

    private static final List<Agent> WITH_A_TEAM_LEAD = List.of(
            new Agent(ZHANG, "张伟", Tier.TEAM_LEAD, Map.of(new Skill("orders"), 1)));

    @Test
    void theOwnerHearsOfANewCaseAndTheTeamLeadOfAnUrgentOne() {
        Case opened = casework(WITH_A_TEAM_LEAD).open(request(Severity.URGENT));

        assertThat(published).extracting(LiveEvent::type, LiveEvent::agent)
                .containsExactly(tuple("case-opened", "010"),
                        tuple("case-escalated", "001"));
        assertThat(published.getFirst().data()).containsEntry("case", opened.id().value())
                .containsEntry("what", "发票开错了").containsEntry("deadline", "2026-11-25T02:00:00Z");
        assertThat(published.get(1).data()).containsEntry("escalatedTo", "001").containsEntry("escalationReason", "severity");
    }

    @Test
    void withNoTeamLeadTheEscalationIsForEveryone() {
        casework(List.of()).open(request(Severity.HIGH));

        assertThat(published.get(1).type()).isEqualTo("case-escalated");
        assertThat(published.get(1).agent()).as("the wall board").isNull();
    }

    @Test
    void theWatchFindsACasePastItsDeadlineOnATimerAndTellsItsOwnerAndTeamLead() throws Exception {
        Casework casework = casework(WITH_A_TEAM_LEAD);
        Case opened = casework.open(request(Severity.NORMAL));
        published.clear();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        Vertx vertx = Vertx.vertx();
        try (CaseDeadlineWatch ignored = CaseDeadlineWatch.start(vertx, casework, Duration.ofMillis(10), Duration.ofMillis(20))) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> published.size() >= 2);
            Thread.sleep(100); // more looks: the case is marked once, so nothing more is said
        } finally {
            vertx.close().await(5, TimeUnit.SECONDS);
        }

        assertThat(published).extracting(LiveEvent::type, LiveEvent::agent)
                .containsExactly(tuple("case-overdue", "010"),
                        tuple("case-escalated", "001"));
        assertThat(published.getFirst().at()).isEqualTo(opened.deadline().plusSeconds(1));
    }
}
