package org.hotline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.recovery.KillCel.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.call.AdoptedCall;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.RingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One start-up's settling and import, on the real kill's CEL, against a store that remembers what was written. */
class StartupRecoveryTest {

    /** The restarted server: started a moment before its first AMI login. */
    private static final Instant STARTED = at("1796538099.0");
    private static final Instant LOGGED_IN = at("1796538099.5");

    @TempDir
    Path dir;

    private final Records store = new Records();
    private final List<String> adopted = new ArrayList<>();
    private boolean adoptionsDone;

    @Test
    void theKilledServersOpenRecordsAreSettledAndTheCallsOfTheDowntimeImportedOnce() throws IOException {
        Path cel = celAsOf(KillCel.SETTLED);
        killedServerWrote();

        RecoveryReport first = recovery(cel).run(STARTED, LOGGED_IN, Set.of("1796538046.1", "1796538097.27"));

        assertThat(first).isEqualTo(new RecoveryReport(1, 5, 0, 6));
        assertThat(adopted).containsExactly("1796538046.1");
        assertThat(adoptionsDone).isTrue();
        assertThat(store.ids()).contains("1796538080.15", "1796538080.17", "1796538081.19", "1796538083.21", "1796538085.23",
                "1796538087.25").doesNotContain("1796538097.27"); // still in Asterisk's fallback

        // the adopted call is followed to its end by this run's tracker; then a second start on the same
        // store and log finds nothing left to settle and nothing new to import
        store.append(new CallId("1796538046.1"), new CallEvent.Ended(at("1796538116.991526"), 16, "Normal Clearing",
                org.hotline.call.HangupSide.CALLER));
        Map<String, List<CallEvent>> before = store.copy();
        RecoveryReport second = recovery(cel).run(at("1796538120.0"), at("1796538120.5"), Set.of());
        assertThat(second.imported()).isZero();
        assertThat(store.copy()).isEqualTo(before);
    }

    @Test
    void aCallStillInAsterisksFallbackAtStartUpIsImportedOnceItIsOver() throws IOException {
        killedServerWrote();
        Path cel = celAsOf(KillCel.SETTLED);
        StartupRecovery recovery = recovery(cel);
        recovery.run(STARTED, LOGGED_IN, Set.of("1796538046.1", "1796538097.27"));
        assertThat(recovery.importStragglers()).as("still going on").isTrue();

        celAsOf(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(recovery.importStragglers()).as("over and imported").isFalse();
        assertThat(store.events("1796538097.27")).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
        assertThat(recovery.importStragglers()).isFalse();
        assertThat(store.events("1796538097.27")).filteredOn(CallEvent.Ended.class::isInstance).hasSize(1);
    }

    @Test
    void aNewStoreImportsNothingForItHasNoEarlierRunWhoseDowntimeCouldBeTold() throws IOException {
        RecoveryReport report = recovery(celAsOf(Instant.parse("2100-01-01T00:00:00Z"))).run(STARTED, LOGGED_IN, Set.of());
        assertThat(report).isEqualTo(new RecoveryReport(0, 0, 0, 0));
        assertThat(store.ids()).isEmpty();
    }

    @Test
    void callsTheRestartedServerFollowsItselfAreNotImported() throws IOException {
        killedServerWrote();
        recovery(celAsOf(Instant.parse("2100-01-01T00:00:00Z"))).run(STARTED, LOGGED_IN, Set.of());
        assertThat(store.ids()).doesNotContain("1796538108.29"); // arrived after the AMI login: the server's own
    }

    @Test
    void withoutAsterisksLogOpenRecordsAreClosedAsLostWithTheServerAndNothingIsImported() throws IOException {
        killedServerWrote();
        RecoveryReport report = recovery(dir.resolve("no-such-file.csv")).run(STARTED, LOGGED_IN, Set.of("1796538046.1"));
        assertThat(report).isEqualTo(new RecoveryReport(1, 0, 5, 0));
    }

    /** The records the killed server left: its six calls open, arrival and answer written. */
    private void killedServerWrote() {
        for (String[] call : new String[][] {{"1796538046.1", "1796538046.44"}, {"1796538052.3", "1796538052.69"},
                {"1796538059.7", "1796538059.14"}, {"1796538065.9", "1796538065.54"}, {"1796538071.11", "1796538071.71"},
                {"1796538077.13", "1796538077.81"}}) {
            store.append(new CallId(call[0]), new CallEvent.Arrived(at(call[1]), "Local/10000@hotline-0;2", null, null, "10000"));
        }
    }

    private StartupRecovery recovery(Path cel) {
        return new StartupRecovery(store, org.hotline.audit.CelFiles.of(cel), KillCel.READER, RingPolicy.handbook(), store, new Adoptions() {
            @Override
            public void adopt(CallId id, AdoptedCall facts) {
                adopted.add(id.value());
            }

            @Override
            public void done() {
                adoptionsDone = true;
            }
        }, Clock.fixed(at("1796538100.5"), ZoneOffset.UTC));
    }

    /** Asterisk's CEL file as it stood at {@code until}. */
    private Path celAsOf(Instant until) throws IOException {
        Path file = dir.resolve("Master.csv");
        try (InputStream in = getClass().getResourceAsStream("/recovery/cel-kill-2026-12-06.csv")) {
            List<String> kept = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && KillCel.at(line.split(",")[1].replace("\"", "")).isBefore(until)) {
                    kept.add(line);
                }
            }
            Files.write(file, kept);
        }
        return file;
    }

    /** A store that keeps each call's events as written, and reads open records and arrivals from them. */
    private static final class Records implements RecoveryStore, org.hotline.call.CallJournal {

        private final Map<String, List<CallEvent>> calls = new LinkedHashMap<>();

        @Override
        public void append(CallId id, CallEvent event) {
            calls.computeIfAbsent(id.value(), key -> new ArrayList<>()).add(event);
        }

        List<CallEvent> events(String id) {
            return calls.getOrDefault(id, List.of());
        }

        Set<String> ids() {
            return calls.keySet();
        }

        Map<String, List<CallEvent>> copy() {
            Map<String, List<CallEvent>> copy = new LinkedHashMap<>();
            calls.forEach((id, events) -> copy.put(id, List.copyOf(events)));
            return copy;
        }

        @Override
        public List<OpenRecord> open(Instant before, int limit) {
            List<OpenRecord> open = new ArrayList<>();
            calls.forEach((id, events) -> {
                Instant arrival = arrival(events);
                if (events.stream().noneMatch(CallEvent.Ended.class::isInstance) && arrival != null && arrival.isBefore(before)) {
                    Instant last = events.stream().map(CallEvent::at).max(Instant::compareTo).orElseThrow();
                    open.add(new OpenRecord(id, arrival, null, false, null, null, null, false, null, last));
                }
            });
            return open;
        }

        @Override
        public Set<String> existing(Collection<String> ids) {
            Set<String> found = new HashSet<>(ids);
            found.retainAll(calls.keySet());
            return found;
        }

        @Override
        public Optional<Instant> newestArrivalBefore(Instant before) {
            return calls.values().stream().map(Records::arrival).filter(a -> a != null && a.isBefore(before))
                    .max(Instant::compareTo);
        }

        private static Instant arrival(List<CallEvent> events) {
            return events.stream().filter(CallEvent.Arrived.class::isInstance).map(CallEvent::at).findFirst().orElse(null);
        }
    }
}
