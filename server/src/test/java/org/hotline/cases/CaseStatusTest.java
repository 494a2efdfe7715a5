package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.cases.CaseStatus.CLOSED;
import static org.hotline.cases.CaseStatus.OPEN;
import static org.hotline.cases.CaseStatus.REPLIED;
import static org.hotline.cases.CaseStatus.SOLUTION_READY;

import java.time.Instant;
import java.time.ZoneId;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    private static final Instant OPENED = Instant.parse("2026-11-22T02:00:00Z");
    private static final ReplyDeadline THREE_DAYS = ReplyDeadline.handbook(ZoneId.of("Asia/Shanghai"));
    private static final AgentId LI = new AgentId("010");

    @Test
    void aCaseGoesFromOpenThroughSolutionAndReplyToClosed() {
        assertThat(OPEN.canBecome(SOLUTION_READY)).isTrue();
        assertThat(SOLUTION_READY.canBecome(REPLIED)).isTrue();
        assertThat(REPLIED.canBecome(CLOSED)).isTrue();
    }

    @Test
    void anAnswerFoundAndGivenAtOnceGoesStraightFromOpenToReplied() {
        Case replied = Cases.open(OPENED).movedTo(REPLIED, LI, null, OPENED.plusSeconds(60), THREE_DAYS);

        assertThat(replied.status()).isEqualTo(REPLIED);
        assertThat(replied.solutionReadyAt()).as("the solution existed when it was given").isEqualTo(OPENED.plusSeconds(60));
        assertThat(replied.repliedAt()).isEqualTo(OPENED.plusSeconds(60));
    }

    @Test
    void noCaseIsClosedBeforeTheCustomerIsAnswered() {
        assertThat(OPEN.canBecome(CLOSED)).isFalse();
        assertThat(SOLUTION_READY.canBecome(CLOSED)).isFalse();
        assertThatThrownBy(() -> Cases.open(OPENED).movedTo(CLOSED, LI, null, OPENED, THREE_DAYS))
                .isInstanceOf(IllegalCaseChange.class)
                .hasMessageContaining("is open and cannot become closed");
    }

    @Test
    void nothingGoesBackwardsAndAClosedCaseStaysClosed() {
        for (CaseStatus from : CaseStatus.values()) {
            assertThat(from.canBecome(OPEN)).as(from + " → open").isFalse();
            assertThat(from.canBecome(from)).as(from + " → itself").isFalse();
            assertThat(CLOSED.canBecome(from)).as("closed → " + from).isFalse();
        }
        assertThat(REPLIED.canBecome(SOLUTION_READY)).isFalse();
    }

    @Test
    void aRefusalSaysWhatTheCaseCanDoInstead() {
        Case replied = Cases.open(OPENED).movedTo(REPLIED, LI, null, OPENED, THREE_DAYS);

        assertThatThrownBy(() -> replied.movedTo(SOLUTION_READY, LI, null, OPENED, THREE_DAYS))
                .hasMessage("case " + replied.id() + " is replied and cannot become solution-ready"
                        + " (a replied case can only be closed; a new need is a follow-up case)");
    }

    @Test
    void everyChangeIsATimestampedHistoryEntryWithWhoMadeIt() {
        Case closed = Cases.open(OPENED)
                .movedTo(SOLUTION_READY, new AgentId("011"), "refund approved", OPENED.plusSeconds(3600), THREE_DAYS)
                .movedTo(REPLIED, LI, null, OPENED.plusSeconds(7200), THREE_DAYS)
                .movedTo(CLOSED, LI, null, OPENED.plusSeconds(7300), THREE_DAYS);

        assertThat(closed.history()).extracting(CaseEntry::change)
                .containsExactly(CaseChange.OPENED, CaseChange.SOLUTION_READY, CaseChange.REPLIED, CaseChange.CLOSED);
        assertThat(closed.history().get(1)).isEqualTo(
                new CaseEntry(OPENED.plusSeconds(3600), CaseChange.SOLUTION_READY, new AgentId("011"), "refund approved"));
        assertThat(closed.closedAt()).isEqualTo(OPENED.plusSeconds(7300));
    }

    @Test
    void statusesAreNamedWithDashesOutside() {
        assertThat(SOLUTION_READY.id()).isEqualTo("solution-ready");
        assertThat(CaseStatus.byId("solution-ready")).contains(SOLUTION_READY);
        assertThat(CaseStatus.byId("SOLUTION_READY")).isEmpty();
    }
}
