package org.hotline.store;

import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.customer.Customer;

/** Pages of a collection keyed by E.164 number ({@code _id}), in number order, each starting after the last of the one before. */
final class NumberPages {

    private NumberPages() {
    }

    /**
     * @param after  the last number of the previous page, or null for the first page
     * @param limit  at most this many, 1 to {@code max}
     * @param number the number an item is keyed by
     */
    static <T> Slice<T> read(MongoCollection<Document> collection, String after, int limit, int max,
                             Function<Document, T> item, Function<T, String> number) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be between 1 and " + max);
        }
        if (after != null && !Customer.isE164(after)) {
            throw new IllegalArgumentException("after must be an E.164 number");
        }
        Bson filter = after == null ? new Document() : gt("_id", after);
        List<T> found = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).limit(limit + 1) // one more tells whether a next page exists
                .forEach(document -> found.add(item.apply(document)));
        if (found.size() <= limit) {
            return new Slice<>(found, null);
        }
        List<T> shown = found.subList(0, limit);
        return new Slice<>(shown, number.apply(shown.getLast()));
    }

    /**
     * @param items the page's items
     * @param next  the number the next page starts after, or null on the last page
     */
    record Slice<T>(List<T> items, String next) {
    }
}
