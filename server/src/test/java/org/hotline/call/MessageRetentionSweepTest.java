package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/** A message is kept its retention's days from the end of its recording; then its file goes and its task says so. */
class MessageRetentionSweepTest {

    private static final Instant ENDED = Instant.parse("2026-09-01T08:00:00Z");
    private static final CallId OLD = new CallId("1700000000.1");
    private static final CallId RECENT = new CallId("1700000000.2");

    private final FakeMessageBox box = new FakeMessageBox();
    private final Marks marks = new Marks();

    @Test
    void aMessageIsKeptUntilItsLastDayEnds() {
        keep(OLD, ENDED);

        assertThat(sweepAt(ENDED.plus(Duration.ofDays(90)).minusSeconds(1))).isZero();
        assertThat(box.recorded).containsKey(OLD);
        assertThat(marks.deleted).isEmpty();
    }

    @Test
    void pastItsRetentionTheFileGoesAndTheTaskSaysWhen() {
        keep(OLD, ENDED);
        keep(RECENT, ENDED.plus(Duration.ofDays(30)));
        Instant now = ENDED.plus(Duration.ofDays(90));

        assertThat(sweepAt(now)).isEqualTo(1);

        assertThat(box.recorded).containsOnlyKeys(RECENT);
        assertThat(marks.deleted).containsExactly(Map.entry(OLD, now));
    }

    @Test
    void aStoreAwayKeepsTheFileForTheNextSweep() {
        keep(OLD, ENDED);
        marks.away = true;

        assertThatThrownBy(() -> sweepAt(ENDED.plus(Duration.ofDays(100)))).isInstanceOf(IllegalStateException.class);

        assertThat(box.recorded).containsKey(OLD);
    }

    @Test
    void aRetentionIsOneDayToTenYears() {
        assertThat(MessageRetention.standard().days()).isEqualTo(90);
        assertThatThrownBy(() -> new MessageRetention(0)).hasMessageContaining("1 to 3650");
        assertThatThrownBy(() -> new MessageRetention(3651)).hasMessageContaining("1 to 3650");
    }

    private void keep(CallId call, Instant ended) {
        box.recorded.put(call, Duration.ofSeconds(10));
        box.ends.put(call, ended);
    }

    private int sweepAt(Instant now) {
        return new MessageRetentionSweep(MessageRetention.standard(), box, marks, Clock.fixed(now, ZoneOffset.UTC)).sweep();
    }

    private static final class Marks implements DeletedMessages {
        final Map<CallId, Instant> deleted = new HashMap<>();
        boolean away;

        @Override
        public void mark(CallId call, Instant at) {
            if (away) {
                throw new IllegalStateException("store away");
            }
            deleted.put(call, at);
        }

        @Override
        public Optional<Instant> deletedAt(CallId call) {
            return Optional.ofNullable(deleted.get(call));
        }
    }
}
