package org.hotline.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class ReplyDeadlineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant OPENED = Instant.parse("2026-11-22T02:00:00Z"); // 10:00 in Beijing
    private static final AgentId LI = new AgentId("010");
    private static final ReplyDeadline FROM_OPENING = new ReplyDeadline(3, DeadlineFrom.OPENING, Duration.ofHours(24), SHANGHAI);
    private static final ReplyDeadline FROM_SOLUTION = new ReplyDeadline(3, DeadlineFrom.SOLUTION_READY, Duration.ofHours(24), SHANGHAI);

    @Test
    void countedFromOpeningTheCustomerIsDueAnAnswerThreeDaysAfterTheCaseWasOpened() {
        Case opened = Cases.open(OPENED, FROM_OPENING);

        assertThat(opened.deadline()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
    }

    @Test
    void countedFromTheSolutionThereIsNoDeadlineUntilASolutionExists() {
        Case opened = Cases.open(OPENED, FROM_SOLUTION);
        assertThat(opened.deadline()).isNull();
        assertThat(FROM_SOLUTION.overdue(opened, OPENED.plus(Duration.ofDays(30)))).isFalse();

        Instant solved = OPENED.plus(Duration.ofDays(5));
        Case ready = opened.movedTo(CaseStatus.SOLUTION_READY, LI, null, solved, FROM_SOLUTION);
        assertThat(ready.deadline()).isEqualTo(solved.plus(Duration.ofDays(3)));
    }

    @Test
    void countedFromOpeningTheDeadlineDoesNotMoveWhenTheSolutionComes() {
        Case ready = Cases.open(OPENED, FROM_OPENING).movedTo(CaseStatus.SOLUTION_READY, LI, null, OPENED.plus(Duration.ofDays(2)),
                FROM_OPENING);

        assertThat(ready.deadline()).isEqualTo(OPENED.plus(Duration.ofDays(3)));
    }

    @Test
    void aReplyExactlyAtTheDeadlineKeepsTheRuleAndAMillisecondLaterDoesNot() {
        Case opened = Cases.open(OPENED, FROM_OPENING);
        Instant deadline = opened.deadline();

        Case onTime = opened.movedTo(CaseStatus.REPLIED, LI, null, deadline, FROM_OPENING);
        Case late = opened.movedTo(CaseStatus.REPLIED, LI, null, deadline.plusMillis(1), FROM_OPENING);

        assertThat(onTime.repliedInTime()).isTrue();
        assertThat(FROM_OPENING.lateBy(onTime, deadline.plusSeconds(3600))).isEmpty();
        assertThat(late.repliedInTime()).isFalse();
        assertThat(FROM_OPENING.lateBy(late, deadline.plusSeconds(3600))).contains(Duration.ofMillis(1));
    }

    @Test
    void aCaseIsOverdueOnlyOnceItsDeadlineHasPassedWithoutAReply() {
        Case opened = Cases.open(OPENED, FROM_OPENING);
        Instant deadline = opened.deadline();

        assertThat(FROM_OPENING.overdue(opened, deadline)).as("exactly at the deadline").isFalse();
        assertThat(FROM_OPENING.overdue(opened, deadline.plusMillis(1))).isTrue();
        assertThat(FROM_OPENING.lateBy(opened, deadline.plusSeconds(90))).as("late so far").contains(Duration.ofSeconds(90));
        Case replied = opened.movedTo(CaseStatus.REPLIED, LI, null, deadline.minusSeconds(1), FROM_OPENING);
        assertThat(FROM_OPENING.overdue(replied, deadline.plusSeconds(1))).isFalse();
    }

    @Test
    void aCaseIsDueSoonInTheLastDayBeforeItsDeadline() {
        Case opened = Cases.open(OPENED, FROM_OPENING);
        Instant deadline = opened.deadline();

        assertThat(FROM_OPENING.dueSoon(opened, deadline.minus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(FROM_OPENING.dueSoon(opened, deadline.minus(Duration.ofHours(24)))).isTrue();
        assertThat(FROM_OPENING.dueSoon(opened, deadline)).isTrue();
        assertThat(FROM_OPENING.dueSoon(opened, deadline.plusMillis(1))).as("overdue, no longer due soon").isFalse();
    }

    @Test
    void daysAreTheCentresCalendarDaysSoADeadlineKeepsItsTimeOfDayAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReplyDeadline inBerlin = new ReplyDeadline(3, DeadlineFrom.OPENING, Duration.ofHours(24), berlin);
        Instant fridayTen = Instant.parse("2026-03-27T09:00:00Z"); // 10:00 CET; clocks go forward on Sunday the 29th

        Case opened = Cases.open(fridayTen, inBerlin);

        assertThat(opened.deadline().atZone(berlin).toLocalDateTime().toString()).isEqualTo("2026-03-30T10:00");
        assertThat(Duration.between(fridayTen, opened.deadline())).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void theSameMomentIsDueAtTheSameMomentWhateverZoneItIsWrittenIn() {
        Instant lateEvening = Instant.parse("2026-11-22T15:30:00Z"); // 23:30 in Beijing, 16:30 in Berlin

        assertThat(Cases.open(lateEvening, FROM_OPENING).deadline()).isEqualTo(Instant.parse("2026-11-25T15:30:00Z"));
    }

    @Test
    void theNumberOfDaysIsASetting() {
        ReplyDeadline oneDay = new ReplyDeadline(1, DeadlineFrom.OPENING, Duration.ofHours(4), SHANGHAI);

        assertThat(Cases.open(OPENED, oneDay).deadline()).isEqualTo(OPENED.plus(Duration.ofDays(1)));
    }
}
