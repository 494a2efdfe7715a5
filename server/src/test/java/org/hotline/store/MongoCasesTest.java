package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.cases.Case;
import org.hotline.cases.CaseChange;
import org.hotline.cases.CaseEntry;
import org.hotline.cases.CaseNotices;
import org.hotline.cases.CaseStatus;
import org.hotline.cases.Casework;
import org.hotline.cases.Escalation;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.FirstContact;
import org.hotline.cases.NewCase;
import org.hotline.cases.Particulars;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.cases.TeamLeads;
import org.hotline.customer.PhoneNumbers;
import org.hotline.report.Ratio;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.TestClock;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoCasesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final AgentId ZHANG = new AgentId("001");
    private static final String CHEN = "+8613800138000";
    private static final String ZHAO = "+8613900139000";

    private final TestClock clock = new TestClock(NOW);
    private MongoStore store;
    private MongoCases cases;
    private Casework casework;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        cases = new MongoCases(store.cases());
        casework = new Casework(cases, call -> Optional.empty(), ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai")),
                new EscalationRule(Severity.HIGH, new TeamLeads(List.of(
                        new Agent(ZHANG, "张伟", Tier.TEAM_LEAD, Map.of(new Skill("orders"), 1))))),
                CaseNotices.none(), clock, new Random(11));
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private Case open(AgentId owner, String customer, Severity severity) {
        return casework.open(new NewCase(new Particulars("yesterday 15:00", "Xidan store", "the courier",
                "parcel delivered damaged;\nasks for a refund", "left at the door", customer), "delivery", severity, null, owner,
                customer, null));
    }

    @Test
    void aCaseIsKeptWithEveryFieldAndReadBackTheSame() {
        Case opened = open(LI, CHEN, Severity.HIGH);

        assertThat(cases.find(opened.id())).contains(opened);
        Document stored = store.cases().find().first();
        assertThat(stored.getString("status")).isEqualTo("open");
        assertThat(stored.getString("severity")).isEqualTo("high");
        assertThat(stored.getDate("deadline")).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
        assertThat(stored.get("escalation", Document.class).getString("to")).isEqualTo("001");
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("change"))
                .containsExactly("opened", "escalated");
    }

    @Test
    void aCaseNumberIsNeverGivenTwice() {
        Case opened = open(LI, CHEN, Severity.NORMAL);

        assertThat(cases.add(opened)).isFalse();
        assertThat(store.cases().countDocuments()).isEqualTo(1);
    }

    @Test
    void aStatusChangeHappensOnlyFromTheStatusItWasMadeFrom() {
        Case opened = open(LI, CHEN, Severity.NORMAL);
        Case mine = opened.movedTo(CaseStatus.SOLUTION_READY, LI, null, NOW, casework.deadlines());
        Case theirs = opened.movedTo(CaseStatus.REPLIED, WANG, null, NOW, casework.deadlines());

        assertThat(cases.changeStatus(mine, CaseStatus.OPEN)).isPresent();
        assertThat(cases.changeStatus(theirs, CaseStatus.OPEN)).as("the case is no longer open").isEmpty();

        Case kept = cases.find(opened.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(CaseStatus.SOLUTION_READY);
        assertThat(kept.history()).extracting(CaseEntry::change).containsExactly(CaseChange.OPENED, CaseChange.SOLUTION_READY);
    }

    @Test
    void manyPeopleMovingOneCaseAtOnceMakeExactlyOneChange() throws Exception {
        Case opened = open(LI, CHEN, Severity.NORMAL);
        List<Thread> threads = new ArrayList<>();
        List<Case> won = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Case moved = opened.movedTo(CaseStatus.REPLIED, new AgentId("0" + (20 + i)), null, NOW, casework.deadlines());
            threads.add(Thread.ofVirtual().start(() -> cases.changeStatus(moved, CaseStatus.OPEN).ifPresent(won::add)));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(won).hasSize(1);
        assertThat(cases.find(opened.id()).orElseThrow().history()).hasSize(2);
    }

    @Test
    void anEscalationAndAStatusChangeAtTheSameTimeAreBothKept() {
        Case opened = open(LI, CHEN, Severity.NORMAL);
        Case escalated = opened.escalated(new Escalation(ZHANG, NOW, Escalation.Reason.OVERDUE));
        Case replied = opened.movedTo(CaseStatus.REPLIED, LI, null, NOW, casework.deadlines());

        assertThat(cases.escalate(escalated)).isPresent();
        assertThat(cases.changeStatus(replied, CaseStatus.OPEN)).isPresent();
        assertThat(cases.escalate(escalated)).as("once only").isEmpty();

        Case kept = cases.find(opened.id()).orElseThrow();
        assertThat(kept.escalation()).isEqualTo(escalated.escalation());
        assertThat(kept.status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(kept.history()).extracting(CaseEntry::change)
                .containsExactly(CaseChange.OPENED, CaseChange.ESCALATED, CaseChange.REPLIED);
    }

    @Test
    void overdueAndDueSoonListOnlyCasesStillAwaitingAReply() {
        Case first = open(LI, CHEN, Severity.NORMAL);
        clock.advance(Duration.ofHours(10));
        Case second = open(WANG, ZHAO, Severity.NORMAL);
        clock.advance(Duration.ofHours(1));
        Case replied = open(LI, ZHAO, Severity.NORMAL);
        casework.move(replied.id(), CaseStatus.REPLIED, null, LI, null);

        Instant firstDue = first.deadline();
        assertThat(cases.overdue(firstDue, 100)).as("exactly at its deadline a case is not overdue").isEmpty();
        assertThat(cases.dueSoon(firstDue, Duration.ofHours(24), 100)).extracting(Case::id)
                .containsExactly(first.id(), second.id());
        assertThat(cases.overdue(firstDue.plusMillis(1), 100)).extracting(Case::id).containsExactly(first.id());
        assertThat(cases.dueSoon(firstDue.plusMillis(1), Duration.ofHours(10), 100)).extracting(Case::id)
                .containsExactly(second.id());
        assertThat(cases.overdueUnmarked(firstDue.plus(Duration.ofDays(1)), 100)).extracting(Case::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void aCaseIsMarkedOverdueOnceAndOnlyWhileItAwaitsAReply() {
        Case opened = open(LI, CHEN, Severity.NORMAL);
        Instant late = opened.deadline().plusSeconds(1);

        assertThat(cases.markOverdue(opened.overdue(late))).isPresent();
        assertThat(cases.markOverdue(opened.overdue(late))).isEmpty();
        assertThat(cases.overdueUnmarked(late, 10)).isEmpty();
        assertThat(cases.overdue(late, 10)).hasSize(1);
    }

    @Test
    void listsAreFilteredByStatusOwnerAndCustomerAndPagedByOpening() {
        List<Case> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(i % 2 == 0 ? LI : WANG, i < 3 ? CHEN : ZHAO, Severity.NORMAL));
            clock.advance(Duration.ofMinutes(1));
        }
        casework.move(opened.get(0).id(), CaseStatus.SOLUTION_READY, null, LI, null);

        MongoCases.CasePage first = cases.list(new MongoCases.Filter(null, null, null), 2, null);
        MongoCases.CasePage second = cases.list(new MongoCases.Filter(null, null, null), 2, first.next());
        MongoCases.CasePage last = cases.list(new MongoCases.Filter(null, null, null), 2, second.next());
        assertThat(first.cases()).extracting(Case::id).containsExactly(opened.get(0).id(), opened.get(1).id());
        assertThat(second.cases()).extracting(Case::id).containsExactly(opened.get(2).id(), opened.get(3).id());
        assertThat(last.cases()).extracting(Case::id).containsExactly(opened.get(4).id());
        assertThat(last.next()).isNull();

        assertThat(cases.list(new MongoCases.Filter(CaseStatus.OPEN, LI, null), 50, null).cases()).extracting(Case::id)
                .containsExactly(opened.get(2).id(), opened.get(4).id());
        assertThat(cases.list(new MongoCases.Filter(null, WANG, ZHAO), 50, null).cases()).extracting(Case::id)
                .containsExactly(opened.get(3).id());
    }

    @Test
    void aReturningCallersCasesThatAreNotClosedComeNewestFirst() {
        Case older = open(LI, CHEN, Severity.NORMAL);
        clock.advance(Duration.ofMinutes(1));
        Case newer = open(WANG, CHEN, Severity.NORMAL);
        clock.advance(Duration.ofMinutes(1));
        Case closed = open(WANG, CHEN, Severity.NORMAL);
        casework.move(closed.id(), CaseStatus.REPLIED, null, WANG, null);
        casework.move(closed.id(), CaseStatus.CLOSED, null, WANG, null);
        open(LI, ZHAO, Severity.NORMAL);

        assertThat(cases.notClosedOf(CHEN, 5)).extracting(Case::id).containsExactly(newer.id(), older.id());
        assertThat(cases.notClosedOf("13800138000", 5)).as("only E.164 numbers are looked up").isEmpty();
    }

    @Test
    void withNoCaseDueInThePeriodTheFigureHasNoDataNotZero() {
        Ratio none = cases.repliesWithinDeadline(NOW, NOW.plus(Duration.ofDays(7)), null, NOW.plus(Duration.ofDays(8)));

        assertThat(none).isEqualTo(new Ratio(0, 0));
        assertThat(none.value()).isEmpty();
    }

    @Test
    void theFigureCountsCasesDueInThePeriodThatAreDecidedAndTheLateOnesAreListed() {
        Case inTime = open(LI, CHEN, Severity.NORMAL);
        Case late = open(LI, ZHAO, Severity.NORMAL);
        Case lateNoReply = open(WANG, CHEN, Severity.NORMAL);
        clock.advance(Duration.ofDays(3)); // exactly at the deadline: in time
        casework.move(inTime.id(), CaseStatus.REPLIED, null, LI, null);
        clock.advance(Duration.ofHours(2));
        casework.move(late.id(), CaseStatus.REPLIED, null, LI, null);
        Case notDueYet = open(WANG, ZHAO, Severity.NORMAL);
        Instant now = clock.instant();
        Instant from = NOW.plus(Duration.ofDays(3)).minus(Duration.ofHours(1));

        assertThat(cases.repliesWithinDeadline(from, from.plus(Duration.ofDays(7)), null, now)).isEqualTo(new Ratio(1, 3));
        assertThat(cases.repliesWithinDeadline(from, from.plus(Duration.ofDays(7)), LI, now)).isEqualTo(new Ratio(1, 2));
        assertThat(cases.repliesWithinDeadline(NOW, from, null, now)).as("none due before").isEqualTo(new Ratio(0, 0));

        MongoCases.CasePage first = cases.late(from, from.plus(Duration.ofDays(7)), null, now, 1, null);
        MongoCases.CasePage second = cases.late(from, from.plus(Duration.ofDays(7)), null, now, 1, first.next());
        assertThat(first.cases()).extracting(Case::id).containsExactly(late.id());
        assertThat(second.cases()).extracting(Case::id).containsExactly(lateNoReply.id());
        assertThat(second.next()).isNull();
        assertThat(notDueYet.deadline()).isAfter(now);
    }

    @Test
    void theFirstContactIsTheAgentWhoFirstAnsweredEvenAfterATransfer() {
        store.calls().insertOne(new Document("_id", "1795309200.17")
                .append("caller", new Document("number", "013800138000"))
                .append("offers", List.of(new Document("agent", "011").append("outcome", "no-answer"),
                        new Document("agent", "010").append("outcome", "answered"),
                        new Document("agent", "012").append("outcome", "answered")))
                .append("agent", new Document("id", "012")));
        store.calls().insertOne(new Document("_id", "1795309200.18").append("caller", new Document("number", null)));
        CallFirstContacts contacts = new CallFirstContacts(new CallRecords(store.calls()), new PhoneNumbers("CN"));

        assertThat(contacts.of(new CallId("1795309200.17")))
                .contains(new FirstContact(new CallId("1795309200.17"), CHEN, LI));
        assertThat(contacts.of(new CallId("1795309200.18")))
                .contains(new FirstContact(new CallId("1795309200.18"), null, null));
        assertThat(contacts.of(new CallId("1795309200.19"))).isEmpty();
    }

    @Test
    void theQueriesHaveTheirIndexes() {
        List<Object> keys = new ArrayList<>();
        store.cases().listIndexes().forEach(index -> keys.add(index.get("key", Document.class).keySet()));

        assertThat(keys.toString()).contains("[status, openedAt, _id]", "[owner, openedAt, _id]",
                "[customer, openedAt, _id]", "[status, deadline]", "[deadline, owner]");
    }
}
