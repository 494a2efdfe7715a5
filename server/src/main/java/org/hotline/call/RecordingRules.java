package org.hotline.call;

import java.util.Map;
import java.util.Objects;
import org.hotline.shared.Skill;

/**
 * Which conversations are recorded and for how long: a mode and a retention per queue, each queue
 * without its own taking the centre's; whether agents may play their own calls' recordings.
 */
public record RecordingRules(RecordingMode mode, RecordingRetention retention, Map<String, RecordingMode> queueModes,
                             Map<String, RecordingRetention> queueRetentions, boolean agentsPlayOwn) {

    public RecordingRules {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(retention, "retention");
        queueModes = Map.copyOf(queueModes);
        queueRetentions = Map.copyOf(queueRetentions);
    }

    /** Nothing recorded. */
    public static RecordingRules none() {
        return new RecordingRules(RecordingMode.OFF, RecordingRetention.standard(), Map.of(), Map.of(), false);
    }

    public RecordingMode modeOf(Skill queue) {
        return queueModes.getOrDefault(queue.name(), mode);
    }

    /** The retention of a recording made in {@code queue} (null: a call without a queue, the centre's). */
    public RecordingRetention retentionOf(String queue) {
        return queue == null ? retention : queueRetentions.getOrDefault(queue, retention);
    }

    /** The shortest retention of any queue: no recording is due before it. */
    public RecordingRetention shortest() {
        return queueRetentions.values().stream().reduce(retention,
                (a, b) -> a.days() <= b.days() ? a : b);
    }
}
