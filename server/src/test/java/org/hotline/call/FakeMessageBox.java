package org.hotline.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.shared.CallId;

/** The messages recorded, as the disk would hold them. */
final class FakeMessageBox implements MessageBox {
    final Map<CallId, Duration> recorded = new HashMap<>();
    final Map<CallId, Instant> ends = new HashMap<>();
    final List<CallId> discarded = new ArrayList<>();

    @Override
    public String fileOf(CallId call) {
        return call.value() + ".wav";
    }

    @Override
    public Optional<Duration> lengthOf(CallId call) {
        return Optional.ofNullable(recorded.get(call));
    }

    @Override
    public List<CallId> calls() {
        return recorded.keySet().stream().sorted(java.util.Comparator.comparing(CallId::value)).toList();
    }

    @Override
    public Optional<Instant> endOf(CallId call) {
        return Optional.ofNullable(ends.get(call));
    }

    @Override
    public void discard(CallId call) {
        discarded.add(call);
        recorded.remove(call);
    }
}
