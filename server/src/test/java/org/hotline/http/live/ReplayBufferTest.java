package org.hotline.http.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline.live.LiveEvent;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static final Instant AT = Instant.parse("2026-11-22T01:00:00Z");

    private final ReplayBuffer buffer = new ReplayBuffer(3);

    private void add(long id, String agent) {
        buffer.add(SseFrame.of(id, new LiveEvent("offered", agent, Map.of(), AT)));
    }

    private List<Long> idsAfter(long lastSeen, long newestGiven, String follower) {
        return buffer.after(lastSeen, newestGiven, follower).stream().map(SseFrame::id).toList();
    }

    @Test
    void keepsOnlyTheNewestFrames() {
        for (long id = 1; id <= 5; id++) {
            add(id, null);
        }
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(idsAfter(0, 5, null)).containsExactly(3L, 4L, 5L);
    }

    @Test
    void replaysWhatCameAfterTheLastSeenForThatFollowerOnly() {
        add(1, "010");
        add(2, "011");
        add(3, null);
        assertThat(idsAfter(1, 3, "010")).containsExactly(3L);
        assertThat(idsAfter(1, 3, null)).containsExactly(2L, 3L);
        assertThat(idsAfter(3, 3, null)).isEmpty();
    }

    @Test
    void anIdNewerThanAnyGivenIsNotOursAndGetsEverythingKept() {
        add(1, null);
        add(2, null);
        assertThat(idsAfter(99, 2, null)).containsExactly(1L, 2L);
    }
}
