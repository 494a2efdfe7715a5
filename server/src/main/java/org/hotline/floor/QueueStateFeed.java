package org.hotline.floor;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.routing.QueueLine;
import org.hotline.shared.Skill;

/**
 * Publishes {@code queue-state} events for wall boards: after a floor step, each queue whose
 * count of waiting calls or longest wait changed, for everyone. The board counts the wait up
 * itself from {@code longestSince}, so nothing is sent while nothing changes. Confined to the
 * floor's context.
 */
final class QueueStateFeed {

    private final LiveFeed live;
    private final Clock clock;
    private final Map<Skill, QueueLine> shown = new HashMap<>();

    QueueStateFeed(LiveFeed live, Clock clock, List<QueueLine> now) {
        this.live = live;
        this.clock = clock;
        now.forEach(line -> shown.put(line.queue(), line));
    }

    void publishChanges(List<QueueLine> lines) {
        for (QueueLine line : lines) {
            if (!line.equals(shown.put(line.queue(), line))) {
                live.publish(LiveEvent.forEveryone("queue-state", data(line), clock.instant()));
            }
        }
    }

    /** The same fields {@code GET /api/queues} gives for each queue. */
    static Map<String, Object> data(QueueLine line) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queue", line.queue().name());
        data.put("waiting", line.waiting());
        data.put("longestSince", line.longestSince() == null ? null : line.longestSince().toString());
        return data;
    }
}
