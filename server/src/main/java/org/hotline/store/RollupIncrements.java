package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.report.Tally;

/**
 * Additions to rollup documents, merged per document first: many calls of a batch fall in the
 * same hour, day and month, and each document then takes one write.
 */
final class RollupIncrements {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final CentreCalendar calendar;
    private final Map<String, Increment> byId = new LinkedHashMap<>();

    private record Increment(RollupLevel level, Instant start, RollupCell cell, Tally tally) {
    }

    RollupIncrements(CentreCalendar calendar) {
        this.calendar = calendar;
    }

    /** Adds the tally to the cell's hour, day and month documents. */
    void add(Instant hour, RollupCell cell, Tally tally) {
        for (RollupLevel level : RollupLevel.values()) {
            add(level, calendar.start(level, hour), cell, tally);
        }
    }

    void add(RollupLevel level, Instant start, RollupCell cell, Tally tally) {
        byId.merge(level.id(start, cell.key()), new Increment(level, start, cell, tally),
                (before, more) -> new Increment(level, start, cell, before.tally().plus(more.tally())));
    }

    boolean isEmpty() {
        return byId.values().stream().allMatch(increment -> increment.tally().isZero());
    }

    /** The upserts that add the increments (none for those that came to zero). */
    List<UpdateOneModel<Document>> writes() {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        byId.forEach((id, increment) -> {
            Map<org.hotline.report.Measure, Long> amounts = increment.tally().nonZero();
            if (amounts.isEmpty()) {
                return;
            }
            List<Bson> updates = new ArrayList<>();
            amounts.forEach((measure, amount) -> updates.add(Updates.inc(measure.field(), amount)));
            updates.add(Updates.setOnInsert(increment.level().field(), Date.from(increment.start())));
            if (increment.cell().queue() != null) {
                updates.add(Updates.setOnInsert("queue", increment.cell().queue()));
            }
            updates.add(Updates.setOnInsert("agent", increment.cell().agent()));
            writes.add(new UpdateOneModel<>(eq("_id", id), Updates.combine(updates), UPSERT));
        });
        return writes;
    }

    /** The cells written to, by month: for the directory. */
    Map<Instant, Set<String>> cellsByMonth() {
        Map<Instant, Set<String>> cells = new HashMap<>();
        byId.values().forEach(increment -> cells.computeIfAbsent(calendar.start(RollupLevel.MONTH, increment.start()),
                month -> new HashSet<>()).add(increment.cell().key()));
        return cells;
    }

    /** The documents as they would be written whole (for a recompute, which writes into an emptied range). */
    List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        byId.forEach((id, increment) -> {
            Document document = new Document("_id", id).append(increment.level().field(), Date.from(increment.start()));
            if (increment.cell().queue() != null) {
                document.append("queue", increment.cell().queue());
            }
            document.append("agent", increment.cell().agent());
            increment.tally().nonZero().forEach((measure, value) -> document.append(measure.field(), value));
            documents.add(document);
        });
        return documents;
    }
}
