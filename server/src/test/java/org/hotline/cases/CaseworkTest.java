package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.hotline.shared.CallId;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;

class CaseworkTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final AgentId ZHANG = new AgentId("001");
    private static final CallId TAKEN_BY_LI = new CallId("1795309200.17");
    private static final CallId NOBODY_TOOK = new CallId("1795309200.18");
    private static final CallId ANONYMOUS = new CallId("1795309200.19");

    private final TestClock clock = new TestClock(NOW);
    private final CaseFileInMemory file = new CaseFileInMemory();
    private final List<String> told = new ArrayList<>();
    private final Casework casework = new Casework(file, this::contact, ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai")),
            new EscalationRule(Severity.HIGH, new TeamLeads(List.of(
                    new Agent(LI, "李明", Tier.FRONT_LINE, Map.of(new Skill("orders"), 3), ZHANG),
                    new Agent(ZHANG, "张伟", Tier.TEAM_LEAD, Map.of(new Skill("orders"), 3))))),
            new Recorder(), clock, new Random(7));

    private Optional<FirstContact> contact(CallId call) {
        if (call.equals(TAKEN_BY_LI)) {
            return Optional.of(new FirstContact(call, "+8613900139000", LI));
        }
        if (call.equals(NOBODY_TOOK)) {
            return Optional.of(new FirstContact(call, "+8613900139000", null));
        }
        if (call.equals(ANONYMOUS)) {
            return Optional.of(new FirstContact(call, null, LI));
        }
        return Optional.empty();
    }

    private static NewCase fromCall(CallId call, AgentId owner, Severity severity) {
        return new NewCase(Cases.particulars(), "delivery", severity, call, owner, null, null);
    }

    @Test
    void theAgentWhoTookTheFirstCallOwnsTheCaseAndTheCallerIsTheCustomer() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));

        assertThat(opened.owner()).isEqualTo(LI);
        assertThat(opened.customer()).isEqualTo("+8613900139000");
        assertThat(opened.particulars().contactPhone()).isEqualTo(Cases.CHEN);
        assertThat(opened.firstCall()).isEqualTo(TAKEN_BY_LI);
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.history()).containsExactly(new CaseEntry(NOW, CaseChange.OPENED, LI, null));
        assertThat(file.find(opened.id())).contains(opened);
        assertThat(told).containsExactly("opened " + opened.id() + " for 010");
    }

    @Test
    void anotherAgentCannotTakeOverACaseFromTheOneWhoTookTheCall() {
        assertThatThrownBy(() -> casework.open(fromCall(TAKEN_BY_LI, WANG, Severity.NORMAL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("owner: the case belongs to agent 010, who took call 1795309200.17 (first-contact ownership)");
        assertThat(file.cases).isEmpty();
    }

    @Test
    void aCallNoAgentTookNeedsTheOwnerSaid() {
        assertThatThrownBy(() -> casework.open(fromCall(NOBODY_TOOK, null, Severity.NORMAL)))
                .hasMessage("owner: no agent took call 1795309200.18; say who owns the case");

        assertThat(casework.open(fromCall(NOBODY_TOOK, WANG, Severity.NORMAL)).owner()).isEqualTo(WANG);
    }

    @Test
    void anUnknownCallIsRefusedNamingTheField() {
        assertThatThrownBy(() -> casework.open(fromCall(new CallId("404.1"), null, Severity.NORMAL)))
                .hasMessage("call: no call 404.1 on record");
    }

    @Test
    void withoutACallerNumberTheContactPhoneIsTheCustomers() {
        assertThat(casework.open(fromCall(ANONYMOUS, null, Severity.NORMAL)).customer()).isEqualTo(Cases.CHEN);
        assertThat(casework.open(Cases.request(Severity.NORMAL)).customer()).isEqualTo(Cases.CHEN);
    }

    @Test
    void aHighSeverityCaseIsEscalatedAsItOpensAndBothOwnerAndTeamLeadAreTold() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.HIGH));

        assertThat(opened.escalation()).isEqualTo(new Escalation(ZHANG, NOW, Escalation.Reason.SEVERITY));
        assertThat(opened.history()).extracting(CaseEntry::change).containsExactly(CaseChange.OPENED, CaseChange.ESCALATED);
        assertThat(told).containsExactly("opened " + opened.id() + " for 010", "escalated " + opened.id() + " to 001");
    }

    @Test
    void aStatusChangeIsRefusedWhenSomebodyElseMovedTheCaseFirst() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));
        casework.move(opened.id(), CaseStatus.REPLIED, CaseStatus.OPEN, LI, "told her the refund is on its way");

        assertThatThrownBy(() -> casework.move(opened.id(), CaseStatus.SOLUTION_READY, CaseStatus.OPEN, WANG, null))
                .isInstanceOf(IllegalCaseChange.class)
                .hasMessage("case " + opened.id() + " is replied now, not open (changed meanwhile)");
        assertThat(file.find(opened.id()).orElseThrow().history()).extracting(CaseEntry::change)
                .containsExactly(CaseChange.OPENED, CaseChange.REPLIED);
    }

    @Test
    void twoPeopleMovingTheSameCaseAtOnceCannotBothSucceed() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));
        // The other person's change lands between this one's read and its write.
        CaseFile racing = new CaseFileInMemory() {
            @Override
            public synchronized Optional<Case> changeStatus(Case changed, CaseStatus expected) {
                file.changeStatus(file.find(opened.id()).orElseThrow().movedTo(CaseStatus.SOLUTION_READY, WANG, null, NOW,
                        casework.deadlines()), CaseStatus.OPEN);
                return file.changeStatus(changed, expected);
            }

            @Override
            public synchronized Optional<Case> find(CaseId id) {
                return file.find(id);
            }
        };
        Casework mine = new Casework(racing, this::contact, casework.deadlines(), new EscalationRule(Severity.HIGH,
                new TeamLeads(List.of())), CaseNotices.none(), clock, new Random(1));

        assertThatThrownBy(() -> mine.move(opened.id(), CaseStatus.REPLIED, null, LI, null))
                .hasMessage("case " + opened.id() + " is solution-ready now, not open (changed meanwhile)");
        assertThat(file.find(opened.id()).orElseThrow().status()).isEqualTo(CaseStatus.SOLUTION_READY);
    }

    @Test
    void movingACaseThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> casework.move(new CaseId("20261122-ZZZZZZ"), CaseStatus.REPLIED, null, LI, null))
                .isInstanceOf(NoSuchCase.class);
    }

    @Test
    void aCasePastItsDeadlineIsMarkedOverdueOnceItsOwnerToldAndItGoesToTheTeamLead() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));
        told.clear();

        clock.advance(Duration.ofDays(3));
        assertThat(casework.checkDeadlines()).as("exactly at the deadline: still in time").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(casework.checkDeadlines()).isEqualTo(1);
        assertThat(casework.checkDeadlines()).as("already marked").isZero();

        Case overdue = file.find(opened.id()).orElseThrow();
        assertThat(overdue.overdueAt()).isEqualTo(NOW.plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(overdue.escalation()).isEqualTo(new Escalation(ZHANG, overdue.overdueAt(), Escalation.Reason.OVERDUE));
        assertThat(overdue.history()).extracting(CaseEntry::change)
                .containsExactly(CaseChange.OPENED, CaseChange.OVERDUE, CaseChange.ESCALATED);
        assertThat(told).containsExactly("overdue " + opened.id() + " for 010", "escalated " + opened.id() + " to 001");
    }

    @Test
    void aCaseRepliedInTimeIsNeverOverdue() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));
        clock.advance(Duration.ofDays(2));
        casework.move(opened.id(), CaseStatus.REPLIED, null, LI, null);

        clock.advance(Duration.ofDays(2));
        assertThat(casework.checkDeadlines()).isZero();
    }

    @Test
    void anOverdueCaseAlreadyEscalatedIsNotEscalatedAgain() {
        Case opened = casework.open(fromCall(TAKEN_BY_LI, null, Severity.HIGH));
        told.clear();

        clock.advance(Duration.ofDays(4));
        casework.checkDeadlines();

        assertThat(file.find(opened.id()).orElseThrow().escalation().reason()).isEqualTo(Escalation.Reason.SEVERITY);
        assertThat(told).containsExactly("overdue " + opened.id() + " for 010");
    }

    @Test
    void aFollowUpIsLinkedToItsOriginalStaysWithItsOwnerAndGoesToTheTeamLead() {
        Case original = casework.open(fromCall(TAKEN_BY_LI, null, Severity.NORMAL));
        casework.move(original.id(), CaseStatus.REPLIED, null, LI, null);
        clock.advance(Duration.ofHours(1));

        Case followUp = casework.followUp(original.id(), new NewCase(Cases.particulars(), "refund", Severity.LOW, null, null,
                null, WANG));

        assertThat(followUp.followUpOf()).isEqualTo(original.id());
        assertThat(followUp.owner()).isEqualTo(LI);
        assertThat(followUp.customer()).isEqualTo(original.customer());
        assertThat(followUp.escalation()).isEqualTo(new Escalation(ZHANG, NOW.plusSeconds(3600), Escalation.Reason.FOLLOW_UP));
        assertThat(followUp.history().getFirst()).isEqualTo(new CaseEntry(NOW.plusSeconds(3600), CaseChange.OPENED, WANG,
                "follows up " + original.id()));
        assertThat(file.find(original.id()).orElseThrow().lastEntry())
                .isEqualTo(new CaseEntry(NOW.plusSeconds(3600), CaseChange.FOLLOW_UP, WANG, followUp.id().value()));
    }

    @Test
    void aFollowUpFromACallbackTakenByAnotherAgentStaysWithTheOriginalsOwner() {
        Case original = casework.open(new NewCase(Cases.particulars(), "delivery", Severity.NORMAL, null, WANG, null, null));

        Case followUp = casework.followUp(original.id(), fromCall(TAKEN_BY_LI, null, Severity.LOW));

        assertThat(followUp.owner()).isEqualTo(WANG);
        assertThat(followUp.firstCall()).isEqualTo(TAKEN_BY_LI);
        assertThatThrownBy(() -> casework.followUp(original.id(), fromCall(new CallId("404.1"), null, Severity.LOW)))
                .hasMessage("call: no call 404.1 on record");
    }

    @Test
    void aFollowUpOfACaseThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> casework.followUp(new CaseId("20261122-ZZZZZZ"), Cases.request(Severity.LOW)))
                .isInstanceOf(NoSuchCase.class);
    }

    @Test
    void caseNumbersAreTheDayOfOpeningInTheCentresZoneAndLettersThatAreNotMisheard() {
        Case lateEvening = new Casework(file, this::contact, casework.deadlines(), new EscalationRule(Severity.HIGH,
                new TeamLeads(List.of())), CaseNotices.none(), new TestClock(Instant.parse("2026-11-22T16:30:00Z")),
                new Random(3)).open(Cases.request(Severity.NORMAL));

        assertThat(lateEvening.id().value()).matches("20261123-[0-9A-HJKMNP-TV-Z]{6}");
    }

    private final class Recorder implements CaseNotices {
        @Override
        public void opened(Case opened) {
            told.add("opened " + opened.id() + " for " + opened.owner());
        }

        @Override
        public void escalated(Case escalated) {
            told.add("escalated " + escalated.id() + " to " + escalated.escalation().to());
        }

        @Override
        public void overdue(Case overdue) {
            told.add("overdue " + overdue.id() + " for " + overdue.owner());
        }
    }
}
