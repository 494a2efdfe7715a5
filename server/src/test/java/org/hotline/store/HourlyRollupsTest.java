package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.call.AgentLeg;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.call.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.HangupSide;
import org.hotline.report.Figures;
import org.hotline.report.Measure;
import org.hotline.report.Ratio;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rollups follow the records as calls finish, count each call once, and agree with a recompute from the raw records. */
class HourlyRollupsTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z"); // 09:00 in Beijing
    private static final Instant DAY_END = NINE.plus(Duration.ofHours(15));

    private MongoStore store;
    private MongoCallJournal journal;
    private HourlyRollups rollups;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(NINE, ZoneOffset.UTC));
        rollups = new HourlyRollups(store.calls(), store.rollups(), store.callTallies(), store.agentTime(), ReportRules.handbook(),
                java.time.ZoneId.of("Asia/Shanghai"));
        journal.afterEachWrite((id, event) -> rollups.refresh(id));
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    /** A call answered by the hotline at once that talks to {@code agent} after {@code waitSeconds} in the queue. */
    private void answeredCall(String id, Instant arrival, String queue, String agent, int waitSeconds, int talkSeconds) {
        CallId call = new CallId(id);
        Instant queued = arrival.plusSeconds(10);
        Instant answered = queued.plusSeconds(waitSeconds);
        Instant talkEnd = answered.plusSeconds(talkSeconds);
        List<CallEvent> events = List.of(
                new CallEvent.Arrived(arrival, "PJSIP/caller-1", id, CallerId.presented("13800138000", null), "10000"),
                new CallEvent.Answered(arrival.plusSeconds(1)),
                new CallEvent.AnswerMeasured(arrival.plusSeconds(1), new AnswerMeasure(Duration.ofSeconds(1), 1, true, false)),
                new CallEvent.Queued(queued, queue),
                new CallEvent.Offered(answered.minusSeconds(2), agent),
                new CallEvent.AgentAnswered(answered, agent),
                new CallEvent.OfferEnded(talkEnd, agent, answered.minusSeconds(2), AgentLeg.Outcome.ANSWERED),
                new CallEvent.Ended(talkEnd.plusSeconds(6), 16, null, HangupSide.CALLER));
        events.forEach(event -> journal.append(call, event));
    }

    private Tally day(Optional<String> queue) {
        journal.awaitIdle(Duration.ofSeconds(10));
        return rollups.sum(NINE, DAY_END, queue, Optional.empty(), Optional.empty()).getOrDefault("", Tally.ZERO);
    }

    @Test
    void finishedCallsAreCountedInTheHourTheyArrivedByQueueAndAgent() {
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        answeredCall("c2", NINE.plusSeconds(3600 + 5), "orders", "011", 30, 400);
        answeredCall("c3", NINE.plusSeconds(7200), "complaints", "001", 5, 60);

        assertThat(day(Optional.empty()).get(Measure.CALLS)).isEqualTo(3);
        assertThat(day(Optional.of("orders")).get(Measure.CALLS)).isEqualTo(2);
        Map<String, Tally> byAgent = rollups.sum(NINE, DAY_END, Optional.empty(), Optional.empty(), Optional.of("agent"));
        assertThat(byAgent.keySet()).containsExactlyInAnyOrder("010", "011", "001");
        assertThat(Figures.of(day(Optional.of("orders"))).serviceLevelAnswered()).isEqualTo(new Ratio(1, 2));
        assertThat(rollups.sum(NINE, NINE.plusSeconds(3600), Optional.empty(), Optional.empty(), Optional.empty())
                .get("").get(Measure.CALLS)).as("the first hour alone").isEqualTo(1);
    }

    @Test
    void aCallIsCountedOnceEvenWhenItsRecordChangesAfterItEnded() {
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        journal.append(new CallId("c1"), new CallEvent.WrapUpEnded(NINE.plusSeconds(260), "010"));
        journal.append(new CallId("c1"), new CallEvent.SurveyAnswered(NINE.plusSeconds(255), 5));

        Tally tally = day(Optional.empty());
        assertThat(tally.get(Measure.CALLS)).isEqualTo(1);
        assertThat(tally.get(Measure.WRAP_UPS)).isEqualTo(1);
        assertThat(tally.get(Measure.SURVEY_5)).isEqualTo(1);
    }

    @Test
    void aCallStillInProgressIsNotCountedYet() {
        CallId id = new CallId("live");
        journal.append(id, new CallEvent.Arrived(NINE, "PJSIP/caller-2", "live", CallerId.UNKNOWN, "10000"));
        journal.append(id, new CallEvent.Queued(NINE.plusSeconds(10), "orders"));
        assertThat(day(Optional.empty()).get(Measure.CALLS)).isZero();
    }

    @Test
    void recomputingFromTheRawRecordsAgreesWithWhatWasKeptAsCallsFinished() {
        for (int i = 0; i < 30; i++) {
            answeredCall("c" + i, NINE.plusSeconds(i * 997L), i % 3 == 0 ? "complaints" : "orders", "0" + (10 + i % 2),
                    i % 40, 30 + i * 11);
        }
        Tally kept = day(Optional.empty());

        int counted = rollups.recompute(NINE, DAY_END);

        assertThat(counted).isEqualTo(30);
        assertThat(day(Optional.empty())).isEqualTo(kept);
        assertThat(kept.get(Measure.CALLS)).isEqualTo(30);
    }

    @Test
    void agentsTimeIsAddedToTheHoursItCoversUnderNoQueue() {
        rollups.addAgentTime(new org.hotline.report.AgentSpan("010", "on-call", null, NINE.plusSeconds(3000),
                NINE.plusSeconds(4200)));
        rollups.addAgentTime(new org.hotline.report.AgentSpan("010", "ready", null, NINE, NINE.plusSeconds(3000)));

        Tally firstHour = rollups.sum(NINE, NINE.plusSeconds(3600), Optional.empty(), Optional.of("010"), Optional.empty())
                .get("");
        assertThat(firstHour.get(Measure.ON_CALL_MS)).isEqualTo(600_000);
        assertThat(Figures.of(firstHour).occupancy()).isEqualTo(new Ratio(600_000, 3_600_000));

        rollups.recompute(NINE, DAY_END);
        assertThat(rollups.sum(NINE, DAY_END, Optional.empty(), Optional.of("010"), Optional.empty()).get("")
                .get(Measure.ON_CALL_MS)).as("a recompute from the call records leaves agents' time alone").isEqualTo(1_200_000);
    }

    @Test
    void wholeDaysAreReadFromDayDocumentsAndAgreeWithTheirHours() {
        Instant midnight = Instant.parse("2026-11-21T16:00:00Z"); // 22 Nov, 00:00 in Beijing
        answeredCall("morning", midnight.plusSeconds(9 * 3600), "orders", "010", 10, 120);
        answeredCall("evening", midnight.plusSeconds(20 * 3600), "complaints", "011", 40, 400);
        answeredCall("next-day", midnight.plusSeconds(33 * 3600), "orders", "010", 5, 60);
        journal.awaitIdle(Duration.ofSeconds(10));
        Instant dayAfter = midnight.plus(Duration.ofDays(2));

        Tally wholeDays = rollups.sum(midnight, dayAfter, Optional.empty(), Optional.empty(), Optional.empty()).get("");
        Tally hourByHour = rollups.sum(midnight, midnight.plusSeconds(3600), Optional.empty(), Optional.empty(), Optional.empty())
                .getOrDefault("", Tally.ZERO).plus(rollups.sum(midnight.plusSeconds(3600), dayAfter.minusSeconds(3600),
                        Optional.empty(), Optional.empty(), Optional.empty()).getOrDefault("", Tally.ZERO));

        assertThat(wholeDays.get(Measure.CALLS)).isEqualTo(3);
        assertThat(wholeDays).isEqualTo(hourByHour);
        assertThat(rollups.sum(midnight, dayAfter, Optional.of("orders"), Optional.empty(), Optional.of("agent")).keySet())
                .containsExactly("010");

        rollups.recompute(midnight.plusSeconds(19 * 3600), midnight.plusSeconds(21 * 3600)); // part of a day
        assertThat(rollups.sum(midnight, dayAfter, Optional.empty(), Optional.empty(), Optional.empty()).get(""))
                .as("the day documents are made again from the hours after a recompute").isEqualTo(wholeDays);
    }
}
