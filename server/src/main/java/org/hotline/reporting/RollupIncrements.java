package org.hotline.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.report.Tally;

/**
 * Additions to rollups, merged per rollup first: many calls of a batch fall in the same hour, day
 * and month, and each rollup then takes one write.
 */
public final class RollupIncrements {

    private final CentreCalendar calendar;
    private final Map<Where, Tally> byRollup = new LinkedHashMap<>();

    /** One rollup's addition. */
    public record Increment(RollupLevel level, Instant start, RollupCell cell, Tally tally) {
    }

    private record Where(RollupLevel level, Instant start, RollupCell cell) {
    }

    public RollupIncrements(CentreCalendar calendar) {
        this.calendar = calendar;
    }

    /** Adds the tally to the cell's hour, day and month. */
    void add(Instant hour, RollupCell cell, Tally tally) {
        for (RollupLevel level : RollupLevel.values()) {
            add(level, calendar.start(level, hour), cell, tally);
        }
    }

    public void add(RollupLevel level, Instant start, RollupCell cell, Tally tally) {
        byRollup.merge(new Where(level, start, cell), tally, Tally::plus);
    }

    public boolean isEmpty() {
        return byRollup.values().stream().allMatch(Tally::isZero);
    }

    /** Each rollup's addition, in the order first added (those that came to zero as well). */
    public List<Increment> increments() {
        List<Increment> increments = new ArrayList<>();
        byRollup.forEach((where, tally) -> increments.add(new Increment(where.level(), where.start(), where.cell(), tally)));
        return increments;
    }

    /** The cells added to, by month: for the directory of cells. */
    public Map<Instant, Set<String>> cellsByMonth() {
        Map<Instant, Set<String>> cells = new HashMap<>();
        byRollup.keySet().forEach(where -> cells.computeIfAbsent(calendar.start(RollupLevel.MONTH, where.start()),
                month -> new HashSet<>()).add(where.cell().key()));
        return cells;
    }
}
