package org.hotline.recovery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hotline.audit.CelCall;
import org.hotline.audit.CelCalls;
import org.hotline.audit.CelFiles;
import org.hotline.audit.CelLog;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallJournal;
import org.hotline.call.RingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per start, after the first AMI login and off the path that answers calls: every record an
 * earlier run left open is settled from Asterisk's facts ({@link Settling}), and every call Asterisk
 * handled while no server was there is written from CEL ({@link CelImport}) — only calls Asterisk
 * has closed, that arrived after the last call an earlier run saw and before this run followed
 * calls itself, and that have no record: a second run finds them recorded and writes nothing.
 */
public final class StartupRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);
    /** Open records settled in one start at most (more would be years of crashes). */
    static final int MOST_OPEN = 10_000;
    /** CEL read back this far at most. */
    static final Duration LOOKBACK = Duration.ofDays(7);
    /** CEL read from a little before the first call concerned, so its whole start is in. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private final RecoveryStore store;
    private final CelFiles celFiles;
    private final CelCalls cel;
    private final RingPolicy rings;
    private final CallJournal journal;
    private final Adoptions adoptions;
    private final Clock clock;
    /** Calls Asterisk was still handling alone at start-up: imported once they are over. */
    private final Map<String, Instant> stragglers = new HashMap<>();
    /** Imported by this run: the journal writes them a moment later, so the store may not show them yet. */
    private final Set<String> imported = new java.util.HashSet<>();
    private Instant lastSeenArrival;
    private Instant followingSince;

    /**
     * @param celFiles the nodes' CEL files this server can read ({@code asterisk.celFile}, each node's {@code celFile})
     * @param journal  where the records' events are written (the store's journal, not the live metrics)
     */
    public StartupRecovery(RecoveryStore store, CelFiles celFiles, CelCalls cel, RingPolicy rings, CallJournal journal,
                           Adoptions adoptions, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.celFiles = celFiles;
        this.cel = Objects.requireNonNull(cel);
        this.rings = Objects.requireNonNull(rings);
        this.journal = Objects.requireNonNull(journal);
        this.adoptions = Objects.requireNonNull(adoptions);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param serverStartedAt this run's start: records of calls that arrived earlier are an earlier run's
     * @param followingSince  this run follows calls from here on (its first AMI login): later calls are its own
     * @param live            the unique ids of the channels Asterisk had at that login
     */
    public RecoveryReport run(Instant serverStartedAt, Instant followingSince, Set<String> live) {
        try {
            return settleAndImport(serverStartedAt, followingSince, live);
        } finally {
            adoptions.done();
        }
    }

    private RecoveryReport settleAndImport(Instant serverStartedAt, Instant followingSince, Set<String> live) {
        Instant now = clock.instant();
        List<OpenRecord> open = store.open(serverStartedAt, MOST_OPEN);
        Instant lastSeenArrival = store.newestArrivalBefore(serverStartedAt).orElse(null);
        Instant from = open.stream().map(record -> record.arrivalAt() != null ? record.arrivalAt() : record.lastKnownAt())
                .min(Comparator.naturalOrder()).orElse(lastSeenArrival);
        if (from != null && lastSeenArrival != null && lastSeenArrival.isBefore(from)) {
            from = lastSeenArrival;
        }
        Map<String, CelCall> told = from == null ? Map.of() : readCel(latest(from.minus(MARGIN), now.minus(LOOKBACK)), now);

        int adopted = 0;
        int closed = 0;
        int lost = 0;
        for (OpenRecord record : open) {
            Settling.Verdict verdict = Settling.of(record, live, told, now);
            CallId id = new CallId(record.id());
            if (verdict instanceof Settling.Adopt adopt) {
                adoptions.adopt(id, adopt.facts());
                adopted++;
            } else if (verdict instanceof Settling.Close close) {
                if (close.how() == org.hotline.call.Settlement.CLOSED_FROM_CEL) {
                    closed++;
                } else {
                    lost++;
                }
            }
            write(id, verdict.events());
        }
        adoptions.done();
        this.lastSeenArrival = lastSeenArrival;
        this.followingSince = followingSince;
        int imported = lastSeenArrival == null ? 0 : importAlone(told, now);
        RecoveryReport report = new RecoveryReport(adopted, closed, lost, imported);
        if (!open.isEmpty() || imported > 0) {
            LOG.info("calls through the last stop: {} open record(s) — {} still live in Asterisk and followed, {} closed from CEL, "
                    + "{} lost with the server (Asterisk had no end for them); {} call(s) Asterisk handled alone imported from CEL",
                    open.size(), adopted, closed, lost, imported);
        }
        return report;
    }

    /**
     * Once more for the calls Asterisk was still handling alone at start-up (no server followed
     * them, so nothing else will record them): those over now are imported.
     *
     * @return whether some are still going on
     */
    public synchronized boolean importStragglers() {
        if (stragglers.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant from = stragglers.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        Map<String, CelCall> told = readCel(from.minus(MARGIN), now);
        int imported = importAlone(told, now);
        if (imported > 0) {
            LOG.info("{} call(s) Asterisk was handling alone at start-up imported from CEL now they are over", imported);
        }
        return !stragglers.isEmpty();
    }

    /**
     * Calls Asterisk closed that arrived while no server followed calls, and have no record; those
     * it still handles without a record are kept as stragglers.
     */
    private synchronized int importAlone(Map<String, CelCall> told, Instant now) {
        Map<String, CelCall> candidates = new HashMap<>();
        for (CelCall call : told.values()) {
            Instant arrival = call.call().arrivalAt();
            if (arrival.isAfter(lastSeenArrival) && arrival.isBefore(followingSince) && CallId.isValid(call.id())) {
                candidates.put(call.id(), call);
            }
        }
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> recorded = store.existing(candidates.keySet());
        int imported = 0;
        for (CelCall call : candidates.values()) {
            if (recorded.contains(call.id()) || this.imported.contains(call.id())) {
                stragglers.remove(call.id());
            } else if (CelImport.finished(call)) {
                write(new CallId(call.id()), CelImport.events(call, rings, now));
                this.imported.add(call.id());
                stragglers.remove(call.id());
                imported++;
            } else {
                stragglers.put(call.id(), call.call().arrivalAt());
            }
        }
        return imported;
    }

    private Map<String, CelCall> readCel(Instant from, Instant now) {
        if (!celFiles.readable()) {
            LOG.warn("Asterisk's CEL file {} cannot be read: open records of calls Asterisk no longer has are closed as lost "
                    + "with the server, and calls it handled alone are not imported", celFiles);
            return Map.of();
        }
        try {
            CelLog log = celFiles.read(from, now.plus(MARGIN));
            if (log.skipped() > 0) {
                LOG.warn("CEL: {} line(s) not read ({})", log.skipped(), log.problems());
            }
            Map<String, CelCall> calls = new HashMap<>();
            cel.of(log.events()).forEach(call -> calls.putIfAbsent(call.id(), call));
            return calls;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Asterisk's CEL file {} not read ({}): records are settled without it", celFiles, e.toString());
            return Map.of();
        }
    }

    private void write(CallId id, List<CallEvent> events) {
        events.forEach(event -> journal.append(id, event));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
