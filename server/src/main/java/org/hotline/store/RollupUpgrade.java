package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.reporting.CentreCalendar;
import org.hotline.reporting.RollupCell;
import org.hotline.reporting.RollupIncrements;
import org.hotline.reporting.RollupLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once per store: gives the rollups kept by an earlier version (hourly documents, perhaps day
 * documents, no directory, no months) their cells in the directory and their day and month
 * documents, all made from the hourly ones. A store that had none is only marked.
 */
final class RollupUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(RollupUpgrade.class);
    private static final String DONE = "upgraded";

    private final MongoCollection<Document> directory;
    private final RollupCells cells;
    private final CentreCalendar calendar;

    RollupUpgrade(MongoCollection<Document> directory, RollupCells cells, CentreCalendar calendar) {
        this.directory = directory;
        this.cells = cells;
        this.calendar = calendar;
    }

    /** Must not run while calls are being counted: it replaces day and month documents. */
    void runOnce(MongoCollection<Document> rollups, MongoCollection<Document> agentTime) {
        if (directory.find(eq("_id", DONE)).first() != null) {
            return;
        }
        int hours = upgrade(rollups, RollupCell.Kind.CALLS) + upgrade(agentTime, RollupCell.Kind.AGENT_TIME);
        directory.updateOne(eq("_id", DONE), Updates.set("hours", hours), new UpdateOptions().upsert(true));
        if (hours > 0) {
            LOG.info("reports: days, months and the directory made from {} hourly documents of an earlier version", hours);
        }
    }

    /** The whole collection is read once (by time, the only way an earlier version's documents can be found). */
    private int upgrade(MongoCollection<Document> collection, RollupCell.Kind kind) {
        RollupIncrements larger = new RollupIncrements(calendar);
        int hours = 0;
        for (Document hourly : collection.find(exists(RollupDocuments.field(RollupLevel.HOUR)))) {
            Instant hour = RollupDocuments.start(RollupLevel.HOUR, hourly);
            RollupCell cell = new RollupCell(kind == RollupCell.Kind.CALLS ? hourly.getString("queue") : null,
                    hourly.getString("agent"));
            larger.add(RollupLevel.DAY, calendar.start(RollupLevel.DAY, hour), cell, RollupDocuments.tallyOf(hourly));
            larger.add(RollupLevel.MONTH, calendar.start(RollupLevel.MONTH, hour), cell, RollupDocuments.tallyOf(hourly));
            hours++;
        }
        if (hours == 0) {
            return 0;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document document : RollupDocuments.documents(larger)) {
            writes.add(new ReplaceOneModel<>(eq("_id", document.getString("_id")), document, new ReplaceOptions().upsert(true)));
        }
        cells.note(kind, larger.cellsByMonth());
        collection.bulkWrite(writes);
        return hours;
    }
}
