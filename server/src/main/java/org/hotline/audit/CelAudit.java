package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a day's report and call records against Asterisk's channel event log: the calls are rebuilt from CEL
 * alone ({@link CallReconstruction}), counted with the reports' definitions ({@link DayFigures}), and compared
 * figure by figure and call by call.
 */
public final class CelAudit {

    /** Read CEL from a minute before the day (calls arriving on the stroke of midnight) ... */
    public static final Duration BEFORE = Duration.ofMinutes(1);
    /** ... to this long after it: a call that arrived before midnight may go on for a while. */
    public static final Duration AFTER = Duration.ofHours(6);
    /** Records this close outside the day are looked at too: the two sides' arrivals differ by milliseconds. */
    public static final Duration NEARBY = Duration.ofSeconds(1);

    private final CallReconstruction reconstruction;
    private final AuditRules rules;
    private final ZoneId zone;

    /** @param zone the centre's time zone: its days are the report's days */
    public CelAudit(String hotlineContext, AuditRules rules, ZoneId zone) {
        this.reconstruction = new CallReconstruction(hotlineContext, rules.agentRing().ringFor());
        this.rules = rules;
        this.zone = zone;
    }

    public Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Which CEL events an audit of the day needs: {@code [start − BEFORE, end + AFTER)}. */
    public Instant celFrom(LocalDate day) {
        return start(day).minus(BEFORE);
    }

    public Instant celTo(LocalDate day) {
        return end(day).plus(AFTER);
    }

    /**
     * @param cel     the CEL events from {@link #celFrom} to {@link #celTo}
     * @param records the call records that arrived in the day, widened by {@link #NEARBY} on both sides
     * @param report  the day's report figures, by the names of {@link DayFigures#NAMES}
     */
    public AuditResult audit(LocalDate day, CelLog cel, List<AuditedCall> records, Map<String, FigureValue> report) {
        Instant from = start(day);
        Instant to = end(day);
        List<AuditedCall> celDay = new ArrayList<>();
        Map<String, AuditedCall> celNearby = new HashMap<>();
        for (AuditedCall call : reconstruction.calls(cel.events())) {
            if (inDay(call, from, to)) {
                celDay.add(call);
            } else {
                celNearby.put(call.id(), call);
            }
        }
        List<AuditedCall> recordsDay = new ArrayList<>();
        Map<String, AuditedCall> recordsNearby = new HashMap<>();
        for (AuditedCall record : records) {
            if (inDay(record, from, to)) {
                recordsDay.add(record);
            } else {
                recordsNearby.put(record.id(), record);
            }
        }
        Map<String, FigureValue> counted = DayFigures.of(celDay, rules);
        List<FigureCheck> figures = new ArrayList<>();
        counted.forEach((name, value) -> figures.add(new FigureCheck(name, value, report.get(name))));
        return new AuditResult(day, from, to, celDay.size(), recordsDay.size(), figures,
                CallComparison.of(celDay, recordsDay, recordsNearby, celNearby), cel.skipped(), cel.problems());
    }

    private static boolean inDay(AuditedCall call, Instant from, Instant to) {
        return !call.arrivalAt().isBefore(from) && call.arrivalAt().isBefore(to);
    }
}
