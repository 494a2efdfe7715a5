package org.hotline.store;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.report.Measure;
import org.hotline.report.Tally;

/**
 * Adds up a period from the rollups: months for its whole months, days for its other whole days,
 * hours at its ends. The documents are read by id, made from the cells the directory lists for
 * each month, so a month report reads a few hundred documents whatever the store holds.
 */
final class RollupReader {

    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> agentTime;
    private final RollupCells cells;
    private final CentreCalendar calendar;

    /** One document's worth of the period: an hour, a day or a month. */
    record Span(RollupLevel level, Instant start) {
    }

    RollupReader(MongoCollection<Document> rollups, MongoCollection<Document> agentTime, RollupCells cells,
                 CentreCalendar calendar) {
        this.rollups = rollups;
        this.agentTime = agentTime;
        this.cells = cells;
        this.calendar = calendar;
    }

    Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by) {
        List<Span> spans = cover(from, to);
        Map<String, Tally> result = new LinkedHashMap<>();
        add(result, rollups, RollupCells.Kind.CALLS, spans,
                cell -> queue.map(cell.queue()::equals).orElse(true) && agent.map(cell.agent()::equals).orElse(true), by);
        // Agents' time belongs to agents, not queues: it joins the whole-centre and per-agent figures only.
        if (queue.isEmpty() && !by.equals(Optional.of("queue"))) {
            add(result, agentTime, RollupCells.Kind.AGENT_TIME, spans, cell -> agent.map(cell.agent()::equals).orElse(true), by);
        }
        return result;
    }

    /** The spans that make up {@code [from, to)}, largest first where they fit. */
    List<Span> cover(Instant from, Instant to) {
        List<Span> spans = new ArrayList<>();
        Instant firstDay = calendar.startAtOrAfter(RollupLevel.DAY, from);
        Instant lastDay = calendar.start(RollupLevel.DAY, to);
        if (!firstDay.isBefore(lastDay)) {
            add(spans, RollupLevel.HOUR, from, to);
            return spans;
        }
        Instant firstMonth = calendar.startAtOrAfter(RollupLevel.MONTH, firstDay);
        Instant lastMonth = calendar.start(RollupLevel.MONTH, lastDay);
        if (firstMonth.isBefore(lastMonth)) {
            add(spans, RollupLevel.MONTH, firstMonth, lastMonth);
            add(spans, RollupLevel.DAY, firstDay, firstMonth);
            add(spans, RollupLevel.DAY, lastMonth, lastDay);
        } else {
            add(spans, RollupLevel.DAY, firstDay, lastDay);
        }
        add(spans, RollupLevel.HOUR, from, firstDay);
        add(spans, RollupLevel.HOUR, lastDay, to);
        return spans;
    }

    private void add(List<Span> spans, RollupLevel level, Instant from, Instant to) {
        for (Instant start = from; start.isBefore(to); start = calendar.next(level, start)) {
            spans.add(new Span(level, start));
        }
    }

    private void add(Map<String, Tally> result, MongoCollection<Document> collection, RollupCells.Kind kind, List<Span> spans,
                     java.util.function.Predicate<RollupCell> wanted, Optional<String> by) {
        Set<Instant> months = new LinkedHashSet<>();
        spans.forEach(span -> months.add(calendar.start(RollupLevel.MONTH, span.start())));
        Map<Instant, Set<String>> cellsByMonth = cells.read(kind, months);
        List<String> ids = new ArrayList<>();
        for (Span span : spans) {
            for (String key : cellsByMonth.get(calendar.start(RollupLevel.MONTH, span.start()))) {
                if (wanted.test(RollupCell.parse(kind, key))) {
                    ids.add(span.level().id(span.start(), key));
                }
            }
        }
        PointReads.each(collection, ids, document -> result.merge(by.map(document::getString).orElse(""),
                tallyOf(document), Tally::plus));
    }

    static Tally tallyOf(Document document) {
        Map<Measure, Long> values = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            Object value = document.get(measure.field());
            if (value instanceof Number number) {
                values.put(measure, number.longValue());
            }
        }
        return Tally.of(values);
    }
}
