package org.hotline.reporting;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.hotline.report.AgentSpan;
import org.hotline.report.Tally;

/**
 * What counting finished calls adds to the rollups. Each call's share is set against the share
 * counted before (none for a call not counted yet), so a call whose record changes later (wrap-up
 * end, callback tries, survey) adds only the difference and never counts twice.
 */
public final class RollupCounting {

    private final CentreCalendar calendar;
    private final CountedShares counted;

    /** @param started when counting starts: the shares of calls that arrive later are kept in memory as well */
    public RollupCounting(CentreCalendar calendar, Instant started) {
        this.calendar = calendar;
        this.counted = new CountedShares(started);
    }

    /**
     * @param changed    the calls whose share differs from the stored one, with their share now
     * @param increments what that adds to (and takes from) the rollups
     */
    public record Count(Map<String, CallShare> changed, RollupIncrements increments) {
    }

    /** The rollups of a range counted again from scratch: its hours, and its days as far as the range covers them. */
    public record Recount(RollupIncrements hours, RollupIncrements days) {
    }

    /**
     * @param now    each finished call's share as its record stands
     * @param stored reads the stored shares of calls (by id, with their arrival hour) that memory does not know;
     *               a call without one is left out
     */
    public Count count(Map<String, CallShare> now, Function<Map<String, Instant>, Map<String, CallShare>> stored) {
        Map<String, CallShare> before = new HashMap<>();
        Map<String, Instant> unknown = new HashMap<>();
        now.forEach((id, share) -> counted.known(id, share).ifPresentOrElse(known -> before.put(id, known),
                () -> unknown.put(id, share.hour())));
        before.putAll(stored.apply(unknown));
        RollupIncrements increments = new RollupIncrements(calendar);
        Map<String, CallShare> changed = new LinkedHashMap<>();
        now.forEach((id, share) -> {
            CallShare earlier = before.getOrDefault(id, CallShare.NONE);
            if (!share.equals(earlier)) {
                earlier.addTo(increments, true);
                share.addTo(increments, false);
                changed.put(id, share);
            }
        });
        return new Count(changed, increments);
    }

    /** The shares are stored now. */
    public void counted(Map<String, CallShare> shares) {
        shares.forEach(counted::remember);
    }

    /** The hours and days the shares make on their own, for a recompute of their range. */
    public Recount recount(Collection<CallShare> shares) {
        RollupIncrements hours = new RollupIncrements(calendar);
        RollupIncrements days = new RollupIncrements(calendar);
        shares.forEach(share -> share.forEachCell((cell, tally) -> {
            hours.add(RollupLevel.HOUR, share.hour(), cell, tally);
            days.add(RollupLevel.DAY, calendar.start(RollupLevel.DAY, share.hour()), cell, tally);
        }));
        return new Recount(hours, days);
    }

    /** A stretch of an agent's time in the hours, days and months it covers (nothing for time not counted). */
    public RollupIncrements agentTime(AgentSpan span) {
        RollupIncrements increments = new RollupIncrements(calendar);
        span.measure().ifPresent(measure -> {
            for (AgentSpan piece : span.byHour()) {
                increments.add(piece.hour(), new RollupCell(null, piece.agent()), Tally.of(Map.of(measure, piece.length().toMillis())));
            }
        });
        return increments;
    }
}
