package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.Document;
import org.hotline.call.CallEvent;
import org.hotline.report.AgentSpan;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;
import org.hotline.reporting.CallShare;
import org.hotline.reporting.CentreCalendar;
import org.hotline.reporting.RollupCell;
import org.hotline.reporting.RollupCounting;
import org.hotline.reporting.RollupIncrements;
import org.hotline.reporting.RollupLevel;
import org.hotline.reporting.RollupSums;

/**
 * Rollups of the report measures per hour, day and month of the centre, by queue and agent, kept
 * up to date as calls finish: reports over long periods add up a few documents instead of reading
 * every call.
 *
 * <p>Each finished call's share is remembered ({@code call_tallies}, see {@link ShareStore}); when its record changes
 * later (wrap-up end, callback tries, survey) the difference is added ({@link RollupCounting}), so a call never counts
 * twice. {@link #recompute} rebuilds a range from the raw records, and must agree with what was
 * kept up as calls finished. Hours are UTC hours, which are also the centre's hours when its time
 * zone is a whole number of hours from UTC (checked at start-up).
 */
public final class HourlyRollups implements RollupSums {

    static final String ROLLUPS = "rollups_hourly";
    static final String SHARES = "call_tallies";
    /** Agents' time by state, per hour and agent: not from the call records, so kept apart from what a recompute rebuilds. */
    static final String AGENT_TIME = "agent_time_hourly";
    /** Which queue × agent cells each month has (see {@link RollupCells}). */
    static final String CELLS = "rollup_cells";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<Document> calls;
    private final MongoCollection<Document> rollups;
    private final ShareStore shares;
    private final MongoCollection<Document> agentTime;
    private final RollupCells cells;
    private final CallLedger ledger;
    private final RollupReader reader;
    private final ReportRules rules;
    private final CentreCalendar calendar;
    private final RollupCounting counting;
    private final RollupUpgrade upgrade;

    /**
     * @param ledger the calls by arrival hour, for a recompute
     * @param zone   the centre's time zone: its days and months are also kept as documents, so long reports read few
     * @param clock  when counting starts: the shares of calls that arrive later are kept in memory as well
     */
    public HourlyRollups(MongoStore store, CallLedger ledger, ReportRules rules, ZoneId zone, Clock clock) {
        this.calls = store.calls();
        this.rollups = store.rollups();
        this.shares = new ShareStore(store.callTallies(), clock);
        this.agentTime = store.agentTime();
        this.cells = new RollupCells(store.rollupCells());
        this.ledger = ledger;
        this.rules = rules;
        this.calendar = new CentreCalendar(zone);
        this.reader = new RollupReader(rollups, agentTime, cells, calendar);
        this.counting = new RollupCounting(calendar, clock.instant());
        this.upgrade = new RollupUpgrade(store.rollupCells(), cells, calendar);
    }

    /**
     * Makes the directory, day and month documents for rollups an earlier version kept, once per
     * store; counting waits meanwhile.
     */
    public synchronized void upgradeOnce() {
        upgrade.runOnce(rollups, agentTime);
    }

    /** Whether, once written, this event may change a finished call's share (the end itself, and what follows it). */
    public static boolean mayChangeAFinishedCall(CallEvent event) {
        return event instanceof CallEvent.Ended || event instanceof CallEvent.FlowEnded
                || event instanceof CallEvent.WrapUpEnded || event instanceof CallEvent.CallbackAttempted
                || event instanceof CallEvent.CallbackClosed || event instanceof CallEvent.SurveyAnswered
                || event instanceof CallEvent.AnswerMeasured;
    }

    /**
     * Brings the shares of the finished calls among {@code records} up to date with them, in at
     * most one read and two writes for the lot. A later record of a call stands for it (records of
     * one call come in the order they were written).
     */
    public synchronized void count(List<Document> records) {
        Map<String, CallShare> now = new LinkedHashMap<>();
        records.forEach(finished(now::put));
        RollupCounting.Count count = counting.count(now, shares::read);
        if (count.changed().isEmpty()) {
            return;
        }
        cells.note(RollupCell.Kind.CALLS, count.increments().cellsByMonth());
        // The shares first: were the rollups' write to fail, the call would be missing until a
        // recompute, which is better than counting it twice at its next change.
        shares.write(count.changed());
        counting.counted(count.changed());
        if (!count.increments().isEmpty()) {
            rollups.bulkWrite(RollupDocuments.writes(count.increments()), UNORDERED);
        }
    }

    /** Hands each finished call among the records to {@code action} with its share. */
    private Consumer<Document> finished(BiConsumer<String, CallShare> action) {
        return call -> {
            if (call.get(CallUpdate.ENDED_AT) instanceof Date && call.get(CallUpdate.ARRIVAL_AT) instanceof Date) {
                action.accept(call.getString("_id"), CallShare.of(CallFactsReader.read(call), rules));
            }
        };
    }

    /** Adds a stretch of an agent's time to the hours, days and months it covers (not while an upgrade remakes them). */
    synchronized void addAgentTime(AgentSpan span) {
        RollupIncrements increments = counting.agentTime(span);
        if (!increments.isEmpty()) {
            cells.note(RollupCell.Kind.AGENT_TIME, increments.cellsByMonth());
            agentTime.bulkWrite(RollupDocuments.writes(increments), UNORDERED);
        }
    }

    /**
     * The measures of the calls that arrived in {@code [from, to)} (whole hours), grouped by
     * {@code "queue"}, {@code "agent"} or not at all (key {@code ""}), optionally for one queue / agent.
     */
    @Override
    public Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by) {
        return reader.sum(from, to, queue, agent, by);
    }

    /**
     * Rebuilds the rollups of calls that arrived in {@code [from, to)} (whole hours) from the raw
     * records: counted in memory, then written in bulk. Agents' time is not touched.
     */
    public synchronized int recompute(Instant from, Instant to) {
        Map<String, CallShare> now = new LinkedHashMap<>();
        Consumer<Document> count = finished(now::put);
        readCalls(from, to, call -> {
            Instant arrival = call.get(CallUpdate.ARRIVAL_AT) instanceof Date date ? date.toInstant() : null;
            if (arrival != null && !arrival.isBefore(from) && arrival.isBefore(to)) {
                count.accept(call);
            }
        });
        shares.write(counting.count(now, shares::read).changed());
        counting.counted(now);
        RollupCounting.Recount recount = counting.recount(now.values());
        RollupIncrements hours = recount.hours();
        RollupIncrements days = recount.days();
        cells.note(RollupCell.Kind.CALLS, hours.cellsByMonth());
        rebuild(from, to, hours, days);
        return now.size();
    }

    /**
     * The calls that may have arrived in {@code [from, to)}: by id from the ledger for the hours it
     * holds whole, by time before (the embedded store then reads every record: records kept by an
     * earlier version have no ledger).
     */
    private void readCalls(Instant from, Instant to, Consumer<Document> action) {
        Instant ledgered = ledger.firstFullHour().map(hour -> hour.isAfter(from) ? hour : from).orElse(to);
        Instant split = ledgered.isBefore(to) ? ledgered : to;
        if (from.isBefore(split)) {
            calls.find(and(gte(CallUpdate.ARRIVAL_AT, Date.from(from)), lt(CallUpdate.ARRIVAL_AT, Date.from(split)),
                    exists(CallUpdate.ENDED_AT))).forEach(action);
        }
        if (split.isBefore(to)) {
            PointReads.each(calls, ledger.calls(split, to), action);
        }
    }

    /**
     * Replaces the hourly documents of {@code [from, to)} with {@code hours} and the day documents
     * of the days it touches with {@code days} plus their hours outside the range; the months take
     * the difference of their days.
     */
    private void rebuild(Instant from, Instant to, RollupIncrements hours, RollupIncrements days) {
        Instant firstDay = calendar.start(RollupLevel.DAY, from);
        Instant afterLastDay = calendar.startAtOrAfter(RollupLevel.DAY, to);
        Set<Instant> months = new HashSet<>();
        for (Instant day = firstDay; day.isBefore(afterLastDay); day = calendar.next(RollupLevel.DAY, day)) {
            months.add(calendar.start(RollupLevel.MONTH, day));
        }
        Map<Instant, Set<String>> known = cells.read(RollupCell.Kind.CALLS, months);
        List<String> oldHours = ids(RollupLevel.HOUR, from, to, known);
        // the touched days' hours outside the range stay as they are, and count into their days again
        List<String> keptHours = ids(RollupLevel.HOUR, firstDay, from, known);
        keptHours.addAll(ids(RollupLevel.HOUR, to, afterLastDay, known));
        PointReads.each(rollups, keptHours, kept -> days.add(RollupLevel.DAY,
                calendar.start(RollupLevel.DAY, RollupDocuments.start(RollupLevel.HOUR, kept)), RollupDocuments.cellOf(kept),
                RollupDocuments.tallyOf(kept)));
        RollupIncrements monthChange = new RollupIncrements(calendar);
        List<String> oldDays = ids(RollupLevel.DAY, firstDay, afterLastDay, known);
        PointReads.each(rollups, oldDays, old -> monthChange.add(RollupLevel.MONTH,
                calendar.start(RollupLevel.MONTH, RollupDocuments.start(RollupLevel.DAY, old)), RollupDocuments.cellOf(old),
                Tally.ZERO.minus(RollupDocuments.tallyOf(old))));
        for (Document day : RollupDocuments.documents(days)) {
            monthChange.add(RollupLevel.MONTH, calendar.start(RollupLevel.MONTH, RollupDocuments.start(RollupLevel.DAY, day)),
                    RollupDocuments.cellOf(day), RollupDocuments.tallyOf(day));
        }
        List<String> removed = new ArrayList<>(oldHours);
        removed.addAll(oldDays);
        PointReads.delete(rollups, removed);
        List<Document> written = new ArrayList<>(RollupDocuments.documents(hours));
        written.addAll(RollupDocuments.documents(days));
        for (int i = 0; i < written.size(); i += PointReads.BATCH) {
            rollups.insertMany(written.subList(i, Math.min(written.size(), i + PointReads.BATCH)));
        }
        if (!monthChange.isEmpty()) {
            rollups.bulkWrite(RollupDocuments.writes(monthChange), UNORDERED);
        }
    }

    /** The ids of the documents of {@code level} starting in {@code [from, to)} for the cells each month has. */
    private List<String> ids(RollupLevel level, Instant from, Instant to, Map<Instant, Set<String>> cellsByMonth) {
        List<String> ids = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = calendar.next(level, start)) {
            for (String cell : cellsByMonth.getOrDefault(calendar.start(RollupLevel.MONTH, start), Set.of())) {
                ids.add(RollupDocuments.id(level, start, cell));
            }
        }
        return ids;
    }
}
