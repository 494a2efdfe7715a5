package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/** A recording is kept its queue's whole days from its start; then its file goes and the record says so. */
class RecordingSweepTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T09:00:00Z");
    private final RecordingRules rules = new RecordingRules(RecordingMode.ON, new RecordingRetention(30),
            Map.of(), Map.of("complaints", new RecordingRetention(365)), false);
    private final List<KeptRecordings.Kept> kept = new ArrayList<>();
    private final Set<String> files = new TreeSet<>();
    private final List<String> journal = new ArrayList<>();

    @Test
    void aRecordingIsKeptToTheLastMomentOfItsRetention() {
        RecordingRetention thirty = new RecordingRetention(30);

        assertThat(thirty.expired(STARTED, STARTED.plus(Duration.ofDays(30)).minusMillis(1))).isFalse();
        assertThat(thirty.expired(STARTED, STARTED.plus(Duration.ofDays(30)))).isTrue();
        assertThat(new RecordingRetention(0).expired(STARTED, STARTED)).as("zero days: at the next sweep").isTrue();
    }

    @Test
    void theSweepDeletesWhatIsPastItsQueuesRetentionAndNotesItOnTheRecord() {
        recorded("1.1", "orders", STARTED);
        recorded("1.2", "complaints", STARTED);
        recorded("1.3", null, STARTED.plus(Duration.ofDays(1)));

        Instant now = STARTED.plus(Duration.ofDays(30)).plusSeconds(1);
        int deleted = sweepAt(now);

        assertThat(deleted).isEqualTo(1);
        assertThat(files).containsExactly("1.2", "1.3");
        assertThat(journal).containsExactly("1.1 RecordingDeleted[at=" + now + ", why=retention]");
    }

    @Test
    void aYearLaterTheLongerKeptGoToo() {
        recorded("1.2", "complaints", STARTED);
        recorded("1.3", null, STARTED.plus(Duration.ofDays(1)));

        sweepAt(STARTED.plus(Duration.ofDays(365)));

        assertThat(files).isEmpty();
        assertThat(journal).hasSize(2);
    }

    @Test
    void aFileAlreadyGoneIsStillNotedSoTheSweepDoesNotCountItAgain() {
        kept.add(new KeptRecordings.Kept(new CallId("1.1"), "orders", STARTED));

        assertThat(sweepAt(STARTED.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(journal).hasSize(1);
    }

    private void recorded(String call, String queue, Instant started) {
        kept.add(new KeptRecordings.Kept(new CallId(call), queue, started));
        files.add(call);
    }

    private int sweepAt(Instant now) {
        KeptRecordings store = (before, limit) -> kept.stream().filter(k -> k.startedAt().isBefore(before))
                .filter(k -> journal.stream().noneMatch(line -> line.startsWith(k.call().value() + " "))).limit(limit).toList();
        RecordingShelf shelf = call -> files.remove(call.value());
        CallJournal records = (id, event) -> journal.add(id.value() + " " + event.toString().replace("RecordingDeleted", "RecordingDeleted"));
        return new RecordingSweep(rules, store, shelf, records, Clock.fixed(now, ZoneOffset.UTC)).sweep();
    }
}
