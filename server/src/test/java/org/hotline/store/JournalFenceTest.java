package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.hotline.call.CallEvent;
import org.hotline.call.CallerId;
import org.hotline.call.FlowOutcome;
import org.hotline.routing.TestClock;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server writes to the call records only what it recorded as the active server: once another
 * server has taken the floor over, a server that was frozen or cut off and wakes up does not
 * write its stale view of the calls beside the new active server's.
 */
class JournalFenceTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Instant START = Instant.parse("2026-12-06T06:00:00Z");
    private static final CallId CALL = new CallId("1796540000.7");

    private final TestClock clock = new TestClock(START);
    private final MongoStore store = TestMongo.openStore();
    private final StoreLease a = new StoreLease(store.lease(), new ServerIdentity("aaaaaaaa-0000-0000-0000-000000000001", "host-a", 1),
            clock, TTL);
    private final StoreLease b = new StoreLease(store.lease(), new ServerIdentity("bbbbbbbb-0000-0000-0000-000000000002", "host-b", 2),
            clock, TTL);
    private final MongoCallJournal journal = new MongoCallJournal(store.calls(), clock);

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void whatAFrozenServerRecordsAfterAnotherTookOverIsNotWrittenWhatItRecordedBeforeIs() {
        a.take();
        journal.writeOnlyAsActive(a);
        journal.append(CALL, new CallEvent.Arrived(START, "Local/10000@hotline-00000001;2", CALL.value(),
                CallerId.presented("13900139501", null), null));
        journal.append(CALL, new CallEvent.Answered(START.plusMillis(400)));

        clock.advance(TTL.plusSeconds(5)); // a frozen: b takes over when the lease expires
        assertThat(b.take()).isEmpty();
        clock.advance(Duration.ofSeconds(10)); // a wakes up and records what it thinks happened
        journal.append(CALL, new CallEvent.FlowEnded(clock.instant(), FlowOutcome.CALLER_HUNG_UP));

        assertThat(events()).containsExactly("arrived", "answered");
        assertThat(journal.superseded()).isEqualTo(1);
    }

    @Test
    void aLoneServerWhoseLeaseLapsedWhileTheStoreWasSlowWritesEverything() {
        a.take();
        journal.writeOnlyAsActive(a);
        clock.advance(TTL.plusSeconds(5)); // no renewal, and no other server
        journal.append(CALL, new CallEvent.Arrived(clock.instant(), "Local/10000@hotline-00000001;2", CALL.value(),
                CallerId.presented("13900139501", null), null));
        journal.append(CALL, new CallEvent.FlowEnded(clock.instant().plusSeconds(3), FlowOutcome.CALLER_HUNG_UP));

        assertThat(events()).containsExactly("arrived", "flow-ended");
        assertThat(journal.superseded()).isZero();
    }

    @Test
    void whatAServerRecordedBeforeAnotherTookOverIsWrittenEvenAfter() {
        StoreSpool spool = StoreSpool.inMemory();
        try (MongoCallJournal slow = new MongoCallJournal(store.calls(), clock, spool)) {
            a.take();
            slow.writeOnlyAsActive(a);
            clock.advance(TTL.plusSeconds(5)); // the store was slow: a's lease lapsed, no one took it yet
            slow.append(CALL, new CallEvent.Arrived(clock.instant(), "Local/10000@hotline-00000001;2", CALL.value(),
                    CallerId.presented("13900139501", null), null));
            clock.advance(Duration.ofSeconds(1));
            assertThat(b.take()).isEmpty(); // b takes over after a recorded the arrival, before it was written
            spool.start();

            assertThat(slow.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(store.calls().find(new Document("_id", CALL.value())).first()).as("the arrival a recorded").isNotNull();
            assertThat(slow.superseded()).isZero();
        } finally {
            spool.close();
        }
    }

    private List<String> events() {
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        Document call = store.calls().find(new Document("_id", CALL.value())).first();
        return call == null ? List.of() : call.getList("events", Document.class).stream().map(e -> e.getString("type")).toList();
    }
}
