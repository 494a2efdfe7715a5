package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;

class EscalationRuleTest {

    private static final Instant OPENED = Instant.parse("2026-11-22T02:00:00Z");
    private static final ReplyDeadline THREE_DAYS = ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai"));
    private static final AgentId LI = new AgentId("010");
    private static final AgentId ZHANG = new AgentId("001");
    private static final AgentId ZHAO = new AgentId("002");

    private static Agent agent(String id, Tier tier, String teamLead) {
        return new Agent(new AgentId(id), "agent " + id, tier, Map.of(new Skill("orders"), 1),
                teamLead == null ? null : new AgentId(teamLead));
    }

    private static final TeamLeads ROSTER = new TeamLeads(List.of(
            agent("010", Tier.FRONT_LINE, "002"), agent("011", Tier.SENIOR, null),
            agent("002", Tier.TEAM_LEAD, null), agent("001", Tier.TEAM_LEAD, null)));
    private static final EscalationRule HIGH_AT_ONCE = new EscalationRule(Severity.HIGH, ROSTER);

    private static Case opened(Severity severity, String owner) {
        return Case.open(new CaseId("20261122-AAAAAA"), Cases.request(severity), new AgentId(owner), Cases.CHEN, null, OPENED,
                THREE_DAYS);
    }

    @Test
    void aHighOrUrgentCaseGoesToTheOwnersTeamLeadTheMomentItIsOpened() {
        assertThat(HIGH_AT_ONCE.onOpening(opened(Severity.HIGH, "010")))
                .contains(new Escalation(ZHAO, OPENED, Escalation.Reason.SEVERITY));
        assertThat(HIGH_AT_ONCE.onOpening(opened(Severity.URGENT, "010"))).isPresent();
    }

    @Test
    void aLowOrNormalCaseStaysWithItsOwnerUntilItsDeadlinePasses() {
        Case normal = opened(Severity.NORMAL, "010");
        Instant late = normal.deadline().plusSeconds(60);

        assertThat(HIGH_AT_ONCE.onOpening(normal)).isEmpty();
        assertThat(HIGH_AT_ONCE.onOpening(opened(Severity.LOW, "010"))).isEmpty();
        assertThat(HIGH_AT_ONCE.whenOverdue(normal, late)).contains(new Escalation(ZHAO, late, Escalation.Reason.OVERDUE));
    }

    @Test
    void aCaseIsEscalatedOnlyOnce() {
        Case high = opened(Severity.HIGH, "010");
        Case escalated = high.escalated(HIGH_AT_ONCE.onOpening(high).orElseThrow());

        assertThat(HIGH_AT_ONCE.whenOverdue(escalated, escalated.deadline().plusSeconds(1))).isEmpty();
    }

    @Test
    void whereTheSeverityLineIsDrawnIsASetting() {
        EscalationRule urgentOnly = new EscalationRule(Severity.URGENT, ROSTER);

        assertThat(urgentOnly.onOpening(opened(Severity.HIGH, "010"))).isEmpty();
        assertThat(urgentOnly.onOpening(opened(Severity.URGENT, "010"))).isPresent();
    }

    @Test
    void aFollowUpGoesToTheTeamLeadWhateverItsSeverity() {
        Case followUp = Case.open(new CaseId("20261123-BBBBBB"), Cases.request(Severity.LOW), LI, Cases.CHEN,
                new CaseId("20261122-AAAAAA"), OPENED, THREE_DAYS);

        assertThat(HIGH_AT_ONCE.onOpening(followUp)).contains(new Escalation(ZHAO, OPENED, Escalation.Reason.FOLLOW_UP));
    }

    @Test
    void anAgentWithoutANamedTeamLeadHasTheRostersFirstTeamLeadAndATeamLeadAnotherOne() {
        assertThat(ROSTER.of(new AgentId("011"))).contains(ZHANG);
        assertThat(ROSTER.of(ZHANG)).contains(ZHAO);
    }

    @Test
    void withNoTeamLeadInTheRosterTheEscalationGoesToTheWholeFloor() {
        EscalationRule noLeads = new EscalationRule(Severity.HIGH, new TeamLeads(List.of(agent("010", Tier.FRONT_LINE, null))));

        Escalation escalation = noLeads.onOpening(opened(Severity.HIGH, "010")).orElseThrow();

        assertThat(escalation.to()).isNull();
        assertThat(opened(Severity.HIGH, "010").escalated(escalation).lastEntry().detail()).startsWith("the floor");
    }

    @Test
    void theTeamLeadIsTheRostersAsAdminsChangeItAndOneNoLongerOnItPassesTheCaseToTheFirstTeamLead() {
        java.util.concurrent.atomic.AtomicReference<List<Agent>> roster = new java.util.concurrent.atomic.AtomicReference<>(List.of(
                agent("010", Tier.FRONT_LINE, "002"), agent("002", Tier.TEAM_LEAD, null), agent("001", Tier.TEAM_LEAD, null)));
        TeamLeads leads = new TeamLeads(roster::get);
        assertThat(leads.of(new AgentId("010"))).contains(ZHAO);

        roster.set(List.of(agent("010", Tier.FRONT_LINE, "002"), agent("001", Tier.TEAM_LEAD, null), agent("020", Tier.FRONT_LINE, "001")));
        assertThat(leads.of(new AgentId("010"))).contains(ZHANG);
        assertThat(leads.of(new AgentId("020"))).contains(ZHANG);
    }
}
