package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.hotline.call.CallEvent;
import org.hotline.call.KeptRecordings;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call's recording on its record: file, start, the pause steps in time order and the end, and once
 * deleted, when and why; the recordings still kept are those not deleted, oldest first, with their queue.
 */
class MongoRecordingsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final MongoStore store = TestMongo.openStore();
    private final MongoCallJournal journal = new MongoCallJournal(store.calls(), Clock.fixed(T0, ZoneOffset.UTC));
    private final MongoRecordings kept = new MongoRecordings(store.calls());

    @AfterEach
    void dropTheStore() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void theRecordShowsTheRecordingWithEachPauseAndResumeInTimeOrder() {
        CallId call = new CallId("1.1");
        journal.append(call, new CallEvent.RecordingStarted(T0, "1.1.wav"));
        journal.append(call, new CallEvent.RecordingResumed(T0.plusSeconds(9))); // Asterisk's events may come late
        journal.append(call, new CallEvent.RecordingPaused(T0.plusSeconds(6)));
        journal.append(call, new CallEvent.RecordingEnded(T0.plusSeconds(20)));
        journal.append(call, new CallEvent.RecordingStarted(T0.plusSeconds(30), "1.1.wav")); // a transfer's next agent
        journal.append(call, new CallEvent.RecordingEnded(T0.plusSeconds(50)));

        Document recording = record(call).get("recording", Document.class);

        assertThat(recording.getString("file")).isEqualTo("1.1.wav");
        assertThat(recording.getDate("startedAt").toInstant()).isEqualTo(T0);
        assertThat(recording.getDate("endedAt").toInstant()).isEqualTo(T0.plusSeconds(50));
        assertThat(recording.getList("pauses", Document.class)).extracting(step -> step.getString("step"))
                .containsExactly("paused", "resumed");
    }

    @Test
    void theRecordingsStillKeptAreTheUndeletedOnesOldestFirst() {
        journal.append(new CallId("1.1"), new CallEvent.Queued(T0, "orders", false, false));
        journal.append(new CallId("1.1"), new CallEvent.RecordingStarted(T0.plusSeconds(60), "1.1.wav"));
        journal.append(new CallId("1.2"), new CallEvent.RecordingStarted(T0, "1.2.wav"));
        journal.append(new CallId("1.3"), new CallEvent.RecordingStarted(T0.minusSeconds(60), "1.3.wav"));
        journal.append(new CallId("1.3"), new CallEvent.RecordingDeleted(T0, "retention"));
        journal.append(new CallId("1.4"), new CallEvent.RecordingStarted(T0.plus(Duration.ofDays(1)), "1.4.wav"));
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(kept.startedBefore(T0.plus(Duration.ofHours(1)), 10)).containsExactly(
                new KeptRecordings.Kept(new CallId("1.2"), null, T0),
                new KeptRecordings.Kept(new CallId("1.1"), "orders", T0.plusSeconds(60)));
        assertThat(kept.startedBefore(T0.plus(Duration.ofHours(1)), 1)).hasSize(1);
        assertThat(record(new CallId("1.3")).get("recording", Document.class).get("deleted", Document.class).getString("why"))
                .isEqualTo("retention");
    }

    private Document record(CallId call) {
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        return store.calls().find(new Document("_id", call.value())).first();
    }
}
