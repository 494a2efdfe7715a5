package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.hotline.reporting.RollupCell;

/**
 * Which cells have rollup documents in a month of the centre: "queue|agent" for the calls'
 * rollups, the agent for agents' time. A report makes its documents' ids from these, so it reads
 * them by id instead of searching. A cell is written once per month and process (kept in memory
 * after), so counting a call seldom costs a write here.
 */
final class RollupCells {

    private static final String CELLS = "cells";

    private final MongoCollection<Document> directory;
    private final Set<String> noted = ConcurrentHashMap.newKeySet();

    RollupCells(MongoCollection<Document> directory) {
        this.directory = directory;
    }

    /** Adds the cells per month that this process has not added yet. */
    void note(RollupCell.Kind kind, Map<Instant, Set<String>> cellsByMonth) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        cellsByMonth.forEach((month, cells) -> {
            List<String> fresh = cells.stream().filter(cell -> !noted.contains(key(kind, month, cell))).toList();
            if (!fresh.isEmpty()) {
                writes.add(new UpdateOneModel<>(eq("_id", id(kind, month)), Updates.addEachToSet(CELLS, fresh),
                        new UpdateOptions().upsert(true)));
                fresh.forEach(cell -> added.add(key(kind, month, cell)));
            }
        });
        if (!writes.isEmpty()) {
            directory.bulkWrite(writes);
            noted.addAll(added); // only once written: a failed write is tried again with the next count
        }
    }

    void note(RollupCell.Kind kind, Instant month, String cell) {
        note(kind, Map.of(month, Set.of(cell)));
    }

    /** The cells of each of the months (none for a month without any). */
    Map<Instant, Set<String>> read(RollupCell.Kind kind, Collection<Instant> months) {
        Map<String, Instant> byId = new HashMap<>();
        months.forEach(month -> byId.put(id(kind, month), month));
        Map<Instant, Set<String>> cells = new HashMap<>();
        months.forEach(month -> cells.put(month, new LinkedHashSet<>()));
        PointReads.each(directory, byId.keySet(), found -> cells.get(byId.get(found.getString("_id")))
                .addAll(found.getList(CELLS, String.class, List.of())));
        return cells;
    }

    private static String id(RollupCell.Kind kind, Instant month) {
        return kind + "|" + month;
    }

    private static String key(RollupCell.Kind kind, Instant month, String cell) {
        return kind + "|" + month + "|" + cell;
    }
}
