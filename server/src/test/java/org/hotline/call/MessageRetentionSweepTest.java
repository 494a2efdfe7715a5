package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/** A message is kept its retention's days from the end of its recording; then its file goes and its task says so. */
class MessageRetentionSweepTest {

    private static final Instant ENDED = Instant.parse("2026-09-01T08:00:00Z");
    private static final CallId OLD = new CallId("1700000000.1");
    private static final CallId RECENT = new CallId("1700000000.2");

    private final Box box = new Box();
    private final Marks marks = new Marks();

    @Test
    void aMessageIsKeptUntilItsLastDayEnds() {
        box.kept.put(OLD, ENDED);

        assertThat(sweepAt(ENDED.plus(Duration.ofDays(90)).minusSeconds(1))).isZero();
        assertThat(box.kept).containsKey(OLD);
        assertThat(marks.deleted).isEmpty();
    }

    @Test
    void pastItsRetentionTheFileGoesAndTheTaskSaysWhen() {
        box.kept.put(OLD, ENDED);
        box.kept.put(RECENT, ENDED.plus(Duration.ofDays(30)));
        Instant now = ENDED.plus(Duration.ofDays(90));

        assertThat(sweepAt(now)).isEqualTo(1);

        assertThat(box.kept).containsOnlyKeys(RECENT);
        assertThat(marks.deleted).containsExactly(Map.entry(OLD, now));
    }

    @Test
    void aStoreAwayKeepsTheFileForTheNextSweep() {
        box.kept.put(OLD, ENDED);
        marks.away = true;

        assertThatThrownBy(() -> sweepAt(ENDED.plus(Duration.ofDays(100)))).isInstanceOf(IllegalStateException.class);

        assertThat(box.kept).containsKey(OLD);
    }

    @Test
    void aRetentionIsOneDayToTenYears() {
        assertThat(MessageRetention.standard().days()).isEqualTo(90);
        assertThatThrownBy(() -> new MessageRetention(0)).hasMessageContaining("1 to 3650");
        assertThatThrownBy(() -> new MessageRetention(3651)).hasMessageContaining("1 to 3650");
    }

    private int sweepAt(Instant now) {
        return new MessageRetentionSweep(MessageRetention.standard(), box, marks, Clock.fixed(now, ZoneOffset.UTC)).sweep();
    }

    private static final class Box implements MessageBox {
        final Map<CallId, Instant> kept = new TreeMap<>(java.util.Comparator.comparing(CallId::value));

        @Override
        public String fileOf(CallId call) {
            return call.value() + ".wav";
        }

        @Override
        public Optional<Duration> lengthOf(CallId call) {
            return Optional.of(Duration.ofSeconds(10));
        }

        @Override
        public List<CallId> calls() {
            return new ArrayList<>(kept.keySet());
        }

        @Override
        public Optional<Instant> endOf(CallId call) {
            return Optional.ofNullable(kept.get(call));
        }

        @Override
        public void discard(CallId call) {
            kept.remove(call);
        }
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
