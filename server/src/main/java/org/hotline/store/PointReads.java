package org.hotline.store;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Reads and deletes documents by their ids in batches: a query on {@code _id} alone is the one the
 * embedded store answers from an index (any range or other field reads the whole collection).
 */
final class PointReads {

    static final int BATCH = 1_000;

    private PointReads() {
    }

    static void each(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> action) {
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            collection.find(in("_id", all.subList(i, Math.min(all.size(), i + BATCH)))).forEach(action);
        }
    }

    static void delete(MongoCollection<Document> collection, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            collection.deleteMany(in("_id", all.subList(i, Math.min(all.size(), i + BATCH))));
        }
    }
}
