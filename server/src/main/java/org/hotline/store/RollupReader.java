package org.hotline.store;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.hotline.report.Tally;
import org.hotline.reporting.CentreCalendar;
import org.hotline.reporting.RollupCell;
import org.hotline.reporting.RollupLevel;

/**
 * Adds up a period from the rollups: months for its whole months, days for its other whole days,
 * hours at its ends ({@link CentreCalendar#cover}). The documents are read by id, made from the cells the directory lists for
 * each month, so a month report reads a few hundred documents whatever the store holds.
 */
final class RollupReader {

    private final MongoCollection<Document> rollups;
    private final MongoCollection<Document> agentTime;
    private final RollupCells cells;
    private final CentreCalendar calendar;

    RollupReader(MongoCollection<Document> rollups, MongoCollection<Document> agentTime, RollupCells cells,
                 CentreCalendar calendar) {
        this.rollups = rollups;
        this.agentTime = agentTime;
        this.cells = cells;
        this.calendar = calendar;
    }

    Map<String, Tally> sum(Instant from, Instant to, Optional<String> queue, Optional<String> agent, Optional<String> by) {
        List<CentreCalendar.Span> spans = calendar.cover(from, to);
        Map<String, Tally> result = new LinkedHashMap<>();
        add(result, rollups, RollupCell.Kind.CALLS, spans,
                cell -> queue.map(cell.queue()::equals).orElse(true) && agent.map(cell.agent()::equals).orElse(true), by);
        // Agents' time belongs to agents, not queues: it joins the whole-centre and per-agent figures only.
        if (queue.isEmpty() && !by.equals(Optional.of("queue"))) {
            add(result, agentTime, RollupCell.Kind.AGENT_TIME, spans, cell -> agent.map(cell.agent()::equals).orElse(true), by);
        }
        return result;
    }

    private void add(Map<String, Tally> result, MongoCollection<Document> collection, RollupCell.Kind kind,
                     List<CentreCalendar.Span> spans, Predicate<RollupCell> wanted, Optional<String> by) {
        Set<Instant> months = new LinkedHashSet<>();
        spans.forEach(span -> months.add(calendar.start(RollupLevel.MONTH, span.start())));
        Map<Instant, Set<String>> cellsByMonth = cells.read(kind, months);
        List<String> ids = new ArrayList<>();
        for (CentreCalendar.Span span : spans) {
            for (String key : cellsByMonth.get(calendar.start(RollupLevel.MONTH, span.start()))) {
                if (wanted.test(RollupCell.parse(kind, key))) {
                    ids.add(RollupDocuments.id(span.level(), span.start(), key));
                }
            }
        }
        PointReads.each(collection, ids, document -> result.merge(by.map(document::getString).orElse(""),
                RollupDocuments.tallyOf(document), Tally::plus));
    }
}
