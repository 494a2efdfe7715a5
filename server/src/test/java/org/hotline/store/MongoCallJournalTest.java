package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEvent.Answered;
import org.hotline.call.CallEvent.AnswerMeasured;
import org.hotline.call.CallEvent.ApologyPlayed;
import org.hotline.call.CallEvent.Arrived;
import org.hotline.call.CallEvent.ChoiceMade;
import org.hotline.call.CallEvent.Ended;
import org.hotline.call.CallEvent.FlowEnded;
import org.hotline.call.CallEvent.FlowStarted;
import org.hotline.call.CallEvent.GreetingEnded;
import org.hotline.call.CallEvent.GreetingStarted;
import org.hotline.call.CallEvent.HangupRequested;
import org.hotline.call.CallEvent.InvalidKey;
import org.hotline.call.CallEvent.KeyPressed;
import org.hotline.call.CallEvent.NoInput;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.shared.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoCallJournalTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CallerId ZHANG = CallerId.presented("1001", "\"Zhang\" <1001>");

    private MongoStore store;
    private MongoCallJournal journal;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), CLOCK);
    }

    @Test
    void aFirstWriteFindsItsRecordByItsIdAloneTheOneShapeTheEmbeddedStoreServesFromItsIdIndex() {
        org.bson.BsonDocument filter = MongoCallJournal.byId(new Document("call", "1740816000.7").append("k", "w1"))
                .toBsonDocument(Document.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());

        // mongo-java-server asks an index only for a query whose fields are exactly the index's
        // (AbstractUniqueIndex.canHandle); any other field and it reads every stored call
        assertThat(filter.keySet()).containsExactly("_id");
        assertThat(filter.getString("_id").getValue()).isEqualTo("1740816000.7");
    }

    @Test
    void aWriteTheStoreMayHaveTakenGoesOnlyWhereTheRecordDoesNotHaveItYet() {
        org.bson.BsonDocument filter = MongoCallJournal.notYetWritten(new Document("call", "1740816000.7").append("k", "w1"))
                .toBsonDocument(Document.class, com.mongodb.MongoClientSettings.getDefaultCodecRegistry());

        assertThat(filter.getString("_id").getValue()).isEqualTo("1740816000.7");
        assertThat(filter.getDocument("events." + CallUpdate.WRITE_ID).getString("$ne").getValue()).isEqualTo("w1");
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void theTimelineIsInTimeOrderWhateverOrderTheSourcesReportedIn() {
        CallId id = new CallId("1740816000.18");

        appendAll(id, List.of(arrived("07:59:50.120"),
                new ChoiceMade(instant("07:59:58.300"), '2', "after-sales"),
                new KeyPressed(instant("07:59:58.250"), '2'),
                new Answered(instant("07:59:50.371"))));

        assertThat(stored(id).getList("events", Document.class)).extracting(e -> e.getString("type"))
                .containsExactly("arrived", "answered", "key-pressed", "choice-made");
    }

    @Test
    void aWholeCallBecomesOneDocument() {
        CallId id = new CallId("1740816000.17");

        appendAll(id, wholeCall());
        Document call = stored(id);

        assertThat(call.getString("_id")).isEqualTo("1740816000.17");
        assertThat(call.getString("direction")).isEqualTo("inbound");
        assertThat(call.getDate("arrivalAt")).isEqualTo(at("07:59:50.120"));
        assertThat(call.getString("channel")).isEqualTo("PJSIP/trunk-00000011");
        assertThat(call.getString("linkedId")).isEqualTo("1740816000.17");
        assertThat(call.getString("dialled")).isEqualTo("800");
        assertThat(call.get("caller", Document.class))
                .isEqualTo(new Document("number", "1001").append("name", "\"Zhang\" <1001>").append("raw", "1001"));
        assertThat(call.getDate("answeredAt")).isEqualTo(at("07:59:50.371"));
        assertThat(call.get("answer", Document.class)).isEqualTo(new Document("waitMs", 251L).append("ring", 1)
                .append("withinRule", true).append("apologyDue", false));
        assertThat(call.getString("language")).isEqualTo("zh");
        assertThat(call.get("flow", Document.class)).isEqualTo(new Document("startedAt", at("07:59:50.402"))
                .append("endedAt", at("08:00:03.010")).append("outcome", "completed"));
        assertThat(call.get("greeting", Document.class)).isEqualTo(new Document("startedAt", at("07:59:50.900"))
                .append("endedAt", at("07:59:58.004")));
        assertThat(call.get("ivr", Document.class)).isEqualTo(new Document("choice", "billing").append("key", "2")
                .append("choiceAt", at("07:59:59.251")));
        assertThat(call.getDate("hangupRequestedAt")).isEqualTo(at("08:00:03.000"));
        assertThat(call.getDate("endedAt")).isEqualTo(at("08:00:03.120"));
        assertThat(call.get("hangup", Document.class)).isEqualTo(new Document("cause", 16)
                .append("causeText", "Normal Clearing").append("side", "hotline"));
        assertThat(call.getDate("updatedAt")).isEqualTo(Date.from(NOW));
        assertThat(call.getList("events", Document.class)).containsExactly(
                event("arrived", "07:59:50.120"),
                event("answered", "07:59:50.371"),
                event("answer-measured", "07:59:50.371"),
                event("flow-started", "07:59:50.402"),
                event("greeting-started", "07:59:50.900"),
                event("greeting-ended", "07:59:58.004"),
                event("key-pressed", "07:59:59.250").append("key", "2"),
                event("choice-made", "07:59:59.251").append("key", "2").append("choice", "billing"),
                event("hangup-requested", "08:00:03.000"),
                event("flow-ended", "08:00:03.010").append("outcome", "completed"),
                event("ended", "08:00:03.120").append("cause", 16).append("side", "hotline"));
        assertThat(journal.dropped()).isZero();
    }

    @Test
    void eventsInAnyOrderGiveTheSameDocument() {
        CallId inOrder = new CallId("1740816000.1");
        CallId reversed = new CallId("1740816000.2");
        CallId shuffled = new CallId("1740816000.3");
        List<CallEvent> events = wholeCall();
        List<CallEvent> backwards = new ArrayList<>(events);
        Collections.reverse(backwards); // Ended before FlowEnded, FlowStarted before Arrived
        List<CallEvent> mixed = new ArrayList<>(events);
        Collections.shuffle(mixed, new Random(7));

        appendAll(inOrder, events);
        appendAll(reversed, backwards);
        appendAll(shuffled, mixed);

        Document expected = stored(inOrder);
        for (CallId other : List.of(reversed, shuffled)) {
            Document actual = stored(other);
            assertThat(withoutIdAndEvents(actual)).isEqualTo(withoutIdAndEvents(expected));
            assertThat(actual.getList("events", Document.class))
                    .containsExactlyInAnyOrderElementsOf(expected.getList("events", Document.class));
        }
    }

    @Test
    void arrivalIsTheEarlierOfChannelCreationAndFlowStart() {
        CallId usual = new CallId("a-1");
        CallId flowReportedFirst = new CallId("a-2");
        CallId flowEarlier = new CallId("a-3");
        CallId flowOnly = new CallId("a-4");

        appendAll(usual, List.of(arrived("07:59:50.500"), new FlowStarted(instant("07:59:51.000"), Language.EN)));
        appendAll(flowReportedFirst, List.of(new FlowStarted(instant("07:59:51.000"), Language.EN), arrived("07:59:50.500")));
        appendAll(flowEarlier, List.of(arrived("07:59:50.500"), new FlowStarted(instant("07:59:50.400"), Language.EN)));
        appendAll(flowOnly, List.of(new FlowStarted(instant("07:59:52.000"), Language.EN))); // AMI missed the channel

        assertThat(stored(usual).getDate("arrivalAt")).isEqualTo(at("07:59:50.500"));
        assertThat(stored(flowReportedFirst).getDate("arrivalAt")).isEqualTo(at("07:59:50.500"));
        assertThat(stored(flowEarlier).getDate("arrivalAt")).isEqualTo(at("07:59:50.400"));
        assertThat(stored(flowOnly).getDate("arrivalAt")).isEqualTo(at("07:59:52.000"));
        assertThat(stored(flowOnly).get("flow", Document.class).getDate("startedAt")).isEqualTo(at("07:59:52.000"));
    }

    @Test
    void aCallerBackInTheQueueAfterATakeBackKeepsTheFirstJoinEvenWhenTheRecordHadLostIt() {
        CallId kept = new CallId("1740816000.41");
        CallId lost = new CallId("1740816000.42");
        CallEvent back = new CallEvent.BackInQueue(instant("08:00:30.000"), "orders", instant("07:59:58.400"));

        appendAll(kept, List.of(arrived("07:59:50.120"), new CallEvent.Queued(instant("07:59:58.400"), "orders"),
                new CallEvent.TakenBack(instant("08:00:29.900")), back));
        appendAll(lost, List.of(arrived("07:59:50.120"), new CallEvent.TakenBack(instant("08:00:29.900")), back));

        for (CallId id : List.of(kept, lost)) {
            Document queue = stored(id).get("queue", Document.class);
            assertThat(queue.getString("name")).isEqualTo("orders");
            assertThat(queue.getDate("enqueuedAt")).isEqualTo(at("07:59:58.400"));
            assertThat(queue.getDate("backAt")).isEqualTo(at("08:00:30.000"));
        }
        assertThat(stored(kept).getList("events", Document.class)).extracting(e -> e.getString("type"))
                .containsExactly("arrived", "queued", "taken-back", "back-in-queue");
    }

    @Test
    void invalidKeysAndSilencesAreCounted() {
        CallId id = new CallId("1740816000.5");

        appendAll(id, List.of(
                new InvalidKey(instant("07:59:55.000"), '9'),
                new NoInput(instant("07:59:59.000"), 1),
                new InvalidKey(instant("08:00:01.000"), '#'),
                new NoInput(instant("08:00:04.000"), 2),
                new InvalidKey(instant("08:00:05.000"), '0')));
        Document call = stored(id);

        assertThat(call.get("ivr", Document.class)).isEqualTo(new Document("invalidKeys", 3).append("noInputs", 2));
        assertThat(call.getList("events", Document.class)).contains(
                event("invalid-key", "08:00:01.000").append("key", "#"),
                event("no-input", "08:00:04.000").append("attempt", 2));
    }

    @Test
    void apologyAndUnknownHangupSideAreRecorded() {
        CallId id = new CallId("1740816000.6");

        appendAll(id, List.of(
                new ApologyPlayed(instant("07:59:51.000")),
                new Ended(instant("07:59:52.000"), 0, null, null)));
        Document call = stored(id);

        assertThat(call.getDate("apologyPlayedAt")).isEqualTo(at("07:59:51.000"));
        assertThat(call.get("hangup", Document.class)).isEqualTo(new Document("cause", 0).append("side", "unknown"));
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        CallId id = new CallId("1740816000.7");

        journal.append(id, new Answered(Instant.parse("2025-03-01T07:59:50.371999999Z")));

        assertThat(stored(id).getDate("answeredAt")).isEqualTo(at("07:59:50.371"));
    }

    @Test
    void aRecordSurvivesARestartMidCall() {
        CallId id = new CallId("1740816000.8");
        appendAll(id, List.of(
                arrived("07:59:50.120"),
                new Answered(instant("07:59:50.371")),
                new FlowStarted(instant("07:59:50.402"), Language.ZH),
                new InvalidKey(instant("07:59:55.000"), '7')));
        journal.close();
        store.close();
        String database = store.database().getName();

        Instant later = NOW.plusSeconds(30);
        try (MongoStore restarted = new MongoStore(TestMongo.connectionString(), database);
                MongoCallJournal again = new MongoCallJournal(restarted.calls(), Clock.fixed(later, ZoneOffset.UTC))) {
            again.append(id, new InvalidKey(instant("07:59:58.000"), '8'));
            again.append(id, new ChoiceMade(instant("07:59:59.000"), '1', "sales"));
            again.append(id, new FlowEnded(instant("08:00:02.000"), FlowOutcome.COMPLETED));
            again.append(id, new Ended(instant("08:00:03.000"), 16, "Normal Clearing", HangupSide.HOTLINE));
            assertThat(again.awaitIdle(Duration.ofSeconds(10))).isTrue();

            Document call = new CallRecords(restarted.calls()).stored(id).orElseThrow();
            assertThat(call.getDate("arrivalAt")).isEqualTo(at("07:59:50.120"));
            assertThat(call.getDate("answeredAt")).isEqualTo(at("07:59:50.371"));
            assertThat(call.getString("language")).isEqualTo("zh");
            assertThat(call.get("ivr", Document.class)).isEqualTo(new Document("invalidKeys", 2).append("choice", "sales")
                    .append("key", "1").append("choiceAt", at("07:59:59.000")));
            assertThat(call.get("flow", Document.class)).containsEntry("startedAt", at("07:59:50.402"))
                    .containsEntry("outcome", "completed");
            assertThat(call.getDate("endedAt")).isEqualTo(at("08:00:03.000"));
            assertThat(call.getList("events", Document.class)).hasSize(8);
            assertThat(call.getDate("updatedAt")).isEqualTo(Date.from(later));
        } finally {
            store = new MongoStore(TestMongo.connectionString(), database); // for the shared clean-up
            journal = new MongoCallJournal(store.calls(), CLOCK);
        }
    }

    @Test
    void oddTextIsStoredAsPlainValuesNeverAsOperators() {
        CallId id = new CallId("1740816000.9");
        CallerId hostile = CallerId.presented("+86 10 1234-5678", "张三 {\"$gt\": \"\"} $set a.b");

        appendAll(id, List.of(
                new Arrived(instant("07:59:50.000"), "PJSIP/$where.trunk-0001", "$ne", hostile, "{\"$exists\": true}"),
                new ChoiceMade(instant("07:59:55.000"), '$', "$set.choice"),
                new Ended(instant("07:59:58.000"), 16, "{$unset: {caller: 1}}", HangupSide.CALLER)));
        Document call = stored(id);

        assertThat(call.keySet()).containsExactlyInAnyOrder("_id", "direction", "arrivalAt", "channel", "linkedId",
                "dialled", "caller", "ivr", "endedAt", "hangup", "events", "updatedAt");
        assertThat(call.getString("channel")).isEqualTo("PJSIP/$where.trunk-0001");
        assertThat(call.getString("linkedId")).isEqualTo("$ne");
        assertThat(call.getString("dialled")).isEqualTo("{\"$exists\": true}");
        assertThat(call.get("caller", Document.class)).isEqualTo(new Document("number", "+861012345678")
                .append("name", "张三 {\"$gt\": \"\"} $set a.b").append("raw", "+86 10 1234-5678"));
        assertThat(call.get("ivr", Document.class)).containsEntry("choice", "$set.choice").containsEntry("key", "$");
        assertThat(call.get("hangup", Document.class)).containsEntry("causeText", "{$unset: {caller: 1}}");
    }

    @Nested
    class WhenMongoIsAway {

        @TempDir
        Path dir;

        @Test
        void noEventIsDroppedHoweverLongMongoIsAwayAndTheyLandInOrderOnceItIsBack() throws Exception {
            int port = MongoStoreTest.freePort();
            CallId id = new CallId("x-back");
            try (MongoStore later = unreachable(port);
                    StoreSpool spool = new StoreSpool(SpoolFile.open(dir.resolve("calls.spool")), quickRetry())) {
                MongoCallJournal patient = new MongoCallJournal(later.calls(), CLOCK, spool);
                spool.start();
                patient.append(id, arrived("07:59:50.000"));
                patient.append(id, new Answered(instant("07:59:51.000")));
                patient.append(id, new InvalidKey(instant("07:59:52.000"), '7'));
                patient.append(id, new InvalidKey(instant("07:59:53.000"), '8'));
                assertThat(patient.awaitIdle(Duration.ofSeconds(2))).isFalse(); // well past many retries: still waiting
                assertThat(Files.readAllLines(dir.resolve("calls.spool"))).hasSize(4); // on disk while the store is away

                try (EmbeddedMongo back = EmbeddedMongo.start(dir.resolve("db"), port)) {
                    assertThat(patient.awaitIdle(Duration.ofSeconds(30))).isTrue();
                    assertThat(patient.dropped()).isZero();
                    Document call = new CallRecords(later.calls()).stored(id).orElseThrow();
                    assertThat(call).containsEntry("arrivalAt", at("07:59:50.000")).containsEntry("answeredAt", at("07:59:51.000"));
                    assertThat(call.get("ivr", Document.class)).containsEntry("invalidKeys", 2);
                    assertThat(call.getList("events", Document.class)).extracting(e -> e.getString("type"))
                            .containsExactly("arrived", "answered", "invalid-key", "invalid-key");
                    assertThat(Files.size(dir.resolve("calls.spool"))).isZero(); // all in the store: emptied
                }
            }
        }

        @Test
        void appendNeverBlocksWhileMongoIsAway() throws Exception {
            try (MongoStore away = unreachable(MongoStoreTest.freePort());
                    StoreSpool spool = new StoreSpool(SpoolFile.open(dir.resolve("calls.spool")), quickRetry())) {
                MongoCallJournal failing = new MongoCallJournal(away.calls(), CLOCK, spool);
                spool.start();
                long start = System.nanoTime();
                for (int i = 0; i < 5_000; i++) {
                    failing.append(new CallId("x-" + i), arrived("07:59:50.000"));
                }

                // a write that waited for the store would take 200 ms each: 1,000 s for these
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(failing.dropped()).isZero();
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (Files.readAllLines(dir.resolve("calls.spool")).size() < 5_000 && System.nanoTime() < until) {
                    Thread.sleep(50); // the spool's thread writes them to disk in batches
                }
                assertThat(Files.readAllLines(dir.resolve("calls.spool"))).hasSize(5_000);
                assertThat(spool.waiting()).isEqualTo(5_000);
            }
        }

        @Test
        void aSpoolLeftByAKilledServerIsWrittenAtTheNextStartAndAReplayCountsNothingTwice() throws Exception {
            CallId id = new CallId("x-killed");
            Path file = dir.resolve("calls.spool");
            // the first server wrote its events, and was killed before it could empty its spool
            journal.append(id, arrived("07:59:50.000"));
            journal.append(id, new InvalidKey(instant("07:59:52.000"), '7'));
            List<String> lines = new ArrayList<>();
            try (MongoStore away = unreachable(MongoStoreTest.freePort());
                    StoreSpool spool = new StoreSpool(SpoolFile.open(file), quickRetry())) {
                MongoCallJournal dying = new MongoCallJournal(away.calls(), CLOCK, spool);
                spool.start();
                dying.append(id, new InvalidKey(instant("07:59:53.000"), '8'));
                dying.append(id, new Ended(instant("07:59:58.000"), 16, "Normal Clearing", HangupSide.CALLER));
                assertThat(spool.awaitIdle(Duration.ofMillis(500))).isFalse();
                lines.addAll(Files.readAllLines(file));
            }
            assertThat(lines).hasSize(2);
            assertThat(Document.parse(lines.get(0)).getString("call")).isEqualTo(id.value());

            // the key press twice in the file, and the whole file replayed at two starts
            for (int start = 0; start < 2; start++) {
                Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(0) + "\n");
                try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), quickRetry())) {
                    new MongoCallJournal(store.calls(), CLOCK, spool);
                    spool.start();
                    assertThat(spool.replayedAtStart()).isEqualTo(3);
                    assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
                }
            }

            Document call = stored(id);
            assertThat(call.get("ivr", Document.class)).containsEntry("invalidKeys", 2); // 7 and 8, each once
            assertThat(call.getList("events", Document.class)).extracting(e -> e.getString("type"))
                    .containsExactly("arrived", "invalid-key", "invalid-key", "ended");
            assertThat(call.getDate("endedAt")).isEqualTo(at("07:59:58.000"));
        }

        @Test
        void aBatchWrittenAgainAfterAFailureOrAKillAppliesEachEventOnce() throws Exception {
            CallId id = new CallId("x-batch");
            Path file = dir.resolve("calls.spool");
            List<String> lines = new ArrayList<>();
            try (MongoStore away = unreachable(MongoStoreTest.freePort());
                    StoreSpool spool = new StoreSpool(SpoolFile.open(file), quickRetry())) {
                MongoCallJournal dying = new MongoCallJournal(away.calls(), CLOCK, spool);
                spool.start();
                wholeCall().forEach(event -> dying.append(id, event));
                dying.append(id, new InvalidKey(instant("07:59:52.000"), '7'));
                assertThat(spool.awaitIdle(Duration.ofMillis(500))).isFalse();
                lines.addAll(Files.readAllLines(file));
            }
            assertThat(lines).hasSize(12);

            // the store took the first five, then the server died before it knew: all twelve come again,
            // at one start, then at another (a whole batch written again)
            for (List<String> spooled : List.of(lines.subList(0, 5), lines, lines)) {
                Files.write(file, spooled);
                try (StoreSpool spool = new StoreSpool(SpoolFile.open(file), quickRetry())) {
                    new MongoCallJournal(store.calls(), CLOCK, spool);
                    spool.start();
                    assertThat(spool.awaitIdle(Duration.ofSeconds(10))).isTrue();
                    assertThat(spool.refused()).isZero();
                }
            }

            Document call = stored(id);
            assertThat(call.get("ivr", Document.class)).containsEntry("invalidKeys", 1).containsEntry("choice", "billing");
            assertThat(call.getList("events", Document.class)).hasSize(12);
            assertThat(call.getDate("arrivalAt")).isEqualTo(at("07:59:50.120"));
            assertThat(call.getDate("endedAt")).isEqualTo(at("08:00:03.120"));
        }

        private MongoStore unreachable(int port) {
            return new MongoStore("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=200", "hotline");
        }

        private WriteRetry quickRetry() {
            return new WriteRetry(Duration.ofMillis(10), Duration.ofMillis(40));
        }
    }

    private static List<CallEvent> wholeCall() {
        return List.of(
                new Arrived(instant("07:59:50.120"), "PJSIP/trunk-00000011", "1740816000.17", ZHANG, "800"),
                new Answered(instant("07:59:50.371")),
                new AnswerMeasured(instant("07:59:50.371"), new AnswerMeasure(Duration.ofMillis(251), 1, true, false)),
                new FlowStarted(instant("07:59:50.402"), Language.ZH),
                new GreetingStarted(instant("07:59:50.900")),
                new GreetingEnded(instant("07:59:58.004")),
                new KeyPressed(instant("07:59:59.250"), '2'),
                new ChoiceMade(instant("07:59:59.251"), '2', "billing"),
                new HangupRequested(instant("08:00:03.000")),
                new FlowEnded(instant("08:00:03.010"), FlowOutcome.COMPLETED),
                new Ended(instant("08:00:03.120"), 16, "Normal Clearing", HangupSide.HOTLINE));
    }

    private static Arrived arrived(String time) {
        return new Arrived(instant(time), "PJSIP/trunk-00000011", "1740816000.17", ZHANG, null);
    }

    private void appendAll(CallId id, List<CallEvent> events) {
        events.forEach(event -> journal.append(id, event));
    }

    /** The record, its events without their write ids (random per run; their own test is the replay test). */
    private Document stored(CallId id) {
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).as("journal idle").isTrue();
        Document call = new CallRecords(store.calls()).stored(id).orElseThrow();
        for (Document event : call.getList("events", Document.class)) {
            assertThat(event.getString(CallUpdate.WRITE_ID)).as("each event's write id").isNotBlank();
            event.remove(CallUpdate.WRITE_ID);
        }
        return call;
    }

    private static Document withoutIdAndEvents(Document call) {
        Document copy = new Document(call);
        copy.remove("_id");
        copy.remove("events");
        return copy;
    }

    private static Document event(String type, String time) {
        return new Document("type", type).append("at", at(time));
    }

    private static Instant instant(String time) {
        return Instant.parse("2025-03-01T" + time + "Z");
    }

    private static Date at(String time) {
        return Date.from(instant(time));
    }
}
