package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.report.Measure;
import org.hotline.report.Tally;
import org.hotline.reporting.RollupCell;
import org.hotline.reporting.RollupIncrements;
import org.hotline.reporting.RollupLevel;

/**
 * How a rollup is kept: one document per hour, day or month and cell, its id made from the start
 * and the cell, so a report finds its documents by {@code _id} (the one lookup the embedded store
 * serves from an index); a field per measure, the start in {@code hour}, {@code day} or {@code month}.
 */
final class RollupDocuments {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private RollupDocuments() {
    }

    /** The field holding a document's start. */
    static String field(RollupLevel level) {
        return switch (level) {
            case HOUR -> "hour";
            case DAY -> "day";
            case MONTH -> "month";
        };
    }

    /** The id of the document of {@code level} starting at {@code start} for {@code cell} ("queue|agent", or an agent). */
    static String id(RollupLevel level, Instant start, String cell) {
        String prefix = switch (level) {
            case HOUR -> "";
            case DAY -> "D|";
            case MONTH -> "M|";
        };
        return prefix + start + "|" + cell;
    }

    static Instant start(RollupLevel level, Document rollup) {
        return rollup.getDate(field(level)).toInstant();
    }

    static RollupCell cellOf(Document rollup) {
        return new RollupCell(rollup.getString("queue"), rollup.getString("agent"));
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

    /** The upserts that add the increments (none for those that came to zero). */
    static List<UpdateOneModel<Document>> writes(RollupIncrements increments) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (RollupIncrements.Increment increment : increments.increments()) {
            Map<Measure, Long> amounts = increment.tally().nonZero();
            if (amounts.isEmpty()) {
                continue;
            }
            List<Bson> updates = new ArrayList<>();
            amounts.forEach((measure, amount) -> updates.add(Updates.inc(measure.field(), amount)));
            updates.add(Updates.setOnInsert(field(increment.level()), Date.from(increment.start())));
            if (increment.cell().queue() != null) {
                updates.add(Updates.setOnInsert("queue", increment.cell().queue()));
            }
            updates.add(Updates.setOnInsert("agent", increment.cell().agent()));
            writes.add(new UpdateOneModel<>(eq("_id", id(increment)), Updates.combine(updates), UPSERT));
        }
        return writes;
    }

    /** The documents as they would be written whole (for a recompute, which writes into an emptied range). */
    static List<Document> documents(RollupIncrements increments) {
        List<Document> documents = new ArrayList<>();
        for (RollupIncrements.Increment increment : increments.increments()) {
            Document document = new Document("_id", id(increment)).append(field(increment.level()), Date.from(increment.start()));
            if (increment.cell().queue() != null) {
                document.append("queue", increment.cell().queue());
            }
            document.append("agent", increment.cell().agent());
            increment.tally().nonZero().forEach((measure, value) -> document.append(measure.field(), value));
            documents.add(document);
        }
        return documents;
    }

    private static String id(RollupIncrements.Increment increment) {
        return id(increment.level(), increment.start(), increment.cell().key());
    }
}
