package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.call.AgentLeg;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.HangupSide;
import org.hotline.report.Figures;
import org.hotline.report.Measure;
import org.hotline.report.Ratio;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rollups follow the records as calls finish, count each call once, and agree with a recompute from the raw records. */
class HourlyRollupsTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z"); // 09:00 in Beijing
    private static final Instant DAY_END = NINE.plus(Duration.ofHours(15));
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private MongoStore store;
    private MongoCallJournal journal;
    private HourlyRollups rollups;
    private RollupFeed feed;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(NINE, ZoneOffset.UTC));
        CallLedger ledger = new CallLedger(store.callLedger());
        // started the day before: the calls' shares are also kept in memory (a restart below reads them back)
        rollups = new HourlyRollups(store, ledger, ReportRules.handbook(), BEIJING, Clock.fixed(NINE.minus(Duration.ofDays(1)),
                ZoneOffset.UTC));
        feed = new RollupFeed(rollups, 1_000);
        journal.keepLedger(ledger);
        journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, feed);
    }

    @AfterEach
    void close() throws InterruptedException {
        journal.close();
        feed.close();
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
                new CallEvent.OfferEnded(answered, agent, answered.minusSeconds(2), AgentLeg.Outcome.ANSWERED),
                new CallEvent.AgentAnswered(answered, agent),
                new CallEvent.ConversationStarted(answered, agent),
                new CallEvent.ConversationEnded(talkEnd, agent, HangupSide.CALLER),
                new CallEvent.Ended(talkEnd.plusSeconds(6), 16, null, HangupSide.CALLER));
        events.forEach(event -> journal.append(call, event));
    }

    /** Waits until the journal has written every event and the rollups have counted what it handed on. */
    private void settle() {
        journal.awaitIdle(Duration.ofSeconds(10));
        feed.awaitIdle(Duration.ofSeconds(10));
    }

    private Tally day(Optional<String> queue) {
        settle();
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
        settle();
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

    /** The rollups as a server started after the calls would have them: nothing in memory. */
    private HourlyRollups restarted() {
        return new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), BEIJING, Clock.systemUTC());
    }

    private static Tally total(HourlyRollups rollups, Instant from, Instant to) {
        return rollups.sum(from, to, Optional.empty(), Optional.empty(), Optional.empty()).getOrDefault("", Tally.ZERO);
    }

    @Test
    void afterARestartReportsReadTheSameAndALaterChangeStillCountsOnce() {
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        answeredCall("c2", NINE.plusSeconds(7200), "complaints", "011", 5, 60);
        Tally before = day(Optional.empty());

        HourlyRollups restarted = restarted();
        assertThat(total(restarted, NINE, DAY_END)).isEqualTo(before);
        assertThat(restarted.sum(NINE, DAY_END, Optional.of("orders"), Optional.empty(), Optional.of("agent")).keySet())
                .containsExactly("010");

        journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, record -> restarted.count(List.of(record)));
        journal.append(new CallId("c1"), new CallEvent.WrapUpEnded(NINE.plusSeconds(260), "010"));
        journal.awaitIdle(Duration.ofSeconds(10));
        Tally after = total(restarted, NINE, DAY_END);
        assertThat(after.get(Measure.CALLS)).isEqualTo(2);
        assertThat(after.get(Measure.WRAP_UPS)).isEqualTo(before.get(Measure.WRAP_UPS) + 1);
    }

    @Test
    void laterRecordsOfACallCountedTogetherCountItOnce() {
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        settle();
        Document ended = store.calls().find(new Document("_id", "c1")).first();
        Document wrappedUp = new Document(ended).append("wrapUp", new Document("agent", "010")
                .append("endedAt", java.util.Date.from(NINE.plusSeconds(260))));

        HourlyRollups restarted = restarted();
        restarted.count(List.of(ended, wrappedUp));

        Tally tally = total(restarted, NINE, DAY_END);
        assertThat(tally.get(Measure.CALLS)).isEqualTo(1);
        assertThat(tally.get(Measure.WRAP_UPS)).isEqualTo(1);
    }

    @Test
    void aMonthIsReadFromMonthDocumentsThatAgreeWithItsDaysAndHours() {
        Instant november = Instant.parse("2026-10-31T16:00:00Z"); // 1 Nov, 00:00 in Beijing
        Instant december = Instant.parse("2026-11-30T16:00:00Z");
        answeredCall("first-day", november.plusSeconds(10 * 3600), "orders", "010", 10, 120);
        answeredCall("mid-month", NINE, "complaints", "011", 40, 400);
        answeredCall("october", november.minusSeconds(3600), "orders", "010", 5, 60);
        answeredCall("december", december.plusSeconds(3600), "orders", "010", 5, 60);
        settle();
        Instant midDay = NINE.plus(Duration.ofHours(5));

        Tally month = total(rollups, november, december);
        Tally inParts = total(rollups, november, NINE).plus(total(rollups, NINE, midDay)).plus(total(rollups, midDay, december));

        assertThat(month.get(Measure.CALLS)).isEqualTo(2);
        assertThat(month).isEqualTo(inParts);
        assertThat(total(rollups, november.minusSeconds(7200), december.plusSeconds(7200)).get(Measure.CALLS))
                .as("a month and the hours either side").isEqualTo(4);
        rollups.recompute(NINE.minusSeconds(3600), NINE.plusSeconds(3600));
        assertThat(total(rollups, november, december)).as("the month after a recompute of part of a day").isEqualTo(month);
    }

    @Test
    void hoursBeforeTheLedgerBeganAreRecomputedFromTheRecordsByTime() {
        Instant early = NINE.minus(Duration.ofHours(3));
        store.calls().insertOne(new Document("_id", "kept-by-an-earlier-version").append("arrivalAt", java.util.Date.from(early))
                .append("endedAt", java.util.Date.from(early.plusSeconds(90))));
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        answeredCall("c2", NINE.plusSeconds(3 * 3600), "orders", "010", 10, 120);
        settle();

        assertThat(rollups.recompute(early.truncatedTo(java.time.temporal.ChronoUnit.HOURS), DAY_END)).isEqualTo(3);
        assertThat(total(rollups, early.minusSeconds(3600), DAY_END).get(Measure.CALLS)).isEqualTo(3);
    }

    @Test
    void anEarlierVersionsHourlyRollupsGetTheirDaysMonthsAndCells() {
        Instant hour = NINE.plus(Duration.ofHours(2));
        store.rollups().insertOne(new Document("_id", hour + "|orders|010").append("hour", java.util.Date.from(hour))
                .append("queue", "orders").append("agent", "010").append(Measure.CALLS.field(), 3L));
        store.agentTime().insertOne(new Document("_id", hour + "|010").append("hour", java.util.Date.from(hour))
                .append("agent", "010").append(Measure.ON_CALL_MS.field(), 60_000L));

        HourlyRollups upgraded = restarted();
        upgraded.upgradeOnce();
        upgraded.upgradeOnce(); // once only: nothing added twice

        Instant november = Instant.parse("2026-10-31T16:00:00Z");
        Tally month = total(upgraded, november, Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(month.get(Measure.CALLS)).isEqualTo(3);
        assertThat(month.get(Measure.ON_CALL_MS)).isEqualTo(60_000);
        assertThat(total(upgraded, hour, hour.plusSeconds(3600)).get(Measure.CALLS)).isEqualTo(3);
    }

    @Test
    void aShareKeptByAnEarlierVersionOneDocumentPerCallIsStillTakenAway() {
        answeredCall("c1", NINE.plusSeconds(60), "orders", "010", 10, 120);
        settle();
        Document chunk = store.callTallies().find(new Document("calls.c1", new Document("$exists", true))).first();
        Document share = chunk.get("calls", Document.class).get("c1", Document.class);
        store.callTallies().deleteMany(new Document());
        store.callTallies().insertOne(new Document(share).append("_id", "c1"));

        HourlyRollups restarted = restarted();
        journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, record -> restarted.count(List.of(record)));
        journal.append(new CallId("c1"), new CallEvent.WrapUpEnded(NINE.plusSeconds(260), "010"));
        journal.awaitIdle(Duration.ofSeconds(10));

        Tally tally = total(restarted, NINE, DAY_END);
        assertThat(tally.get(Measure.CALLS)).isEqualTo(1);
        assertThat(tally.get(Measure.WRAP_UPS)).isEqualTo(1);
    }
}
