package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.campaign.DoNotCallList;
import org.hotline.customer.Customer;

/**
 * The do-not-call list in MongoDB: one document per number in the {@value #COLLECTION}
 * collection, keyed by the E.164 number ({@code _id}, so a number is on it once):
 * {@code {_id: "+8613800138000", reason, by, addedAt}}. Numbers reach a query only after they
 * are checked to be E.164, and only as values.
 */
public final class MongoDoNotCallList implements DoNotCallList {

    static final String COLLECTION = "do_not_call";

    private static final String ID = "_id";

    private final MongoCollection<Document> numbers;

    public MongoDoNotCallList(MongoCollection<Document> numbers) {
        this.numbers = Objects.requireNonNull(numbers);
    }

    @Override
    public boolean contains(String e164) {
        return Customer.isE164(e164) && numbers.find(eq(ID, e164)).projection(Projections.include(ID)).first() != null;
    }

    @Override
    public Set<String> listedAmong(Collection<String> e164s) {
        List<String> asked = e164s.stream().filter(Customer::isE164).distinct().toList();
        Set<String> listed = new HashSet<>();
        if (!asked.isEmpty()) {
            numbers.find(in(ID, asked)).projection(Projections.include(ID)).forEach(document -> listed.add(document.getString(ID)));
        }
        return listed;
    }

    @Override
    public boolean add(Entry entry) {
        // a number already listed keeps its first entry: when and why the customer asked matters more than the latest request
        return numbers.updateOne(eq(ID, entry.number()), Updates.combine(
                        Updates.setOnInsert("reason", entry.reason()),
                        Updates.setOnInsert("by", entry.by()),
                        Updates.setOnInsert("addedAt", Date.from(entry.addedAt()))),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    @Override
    public boolean remove(String e164) {
        return Customer.isE164(e164) && numbers.deleteOne(eq(ID, e164)).getDeletedCount() > 0;
    }

    @Override
    public Optional<Entry> find(String e164) {
        if (!Customer.isE164(e164)) {
            return Optional.empty();
        }
        return Optional.ofNullable(numbers.find(eq(ID, e164)).first()).map(MongoDoNotCallList::entry);
    }

    @Override
    public Page list(String after, int limit) {
        NumberPages.Slice<Entry> page = NumberPages.read(numbers, after, limit, MAX_LIMIT, MongoDoNotCallList::entry, Entry::number);
        return new Page(page.items(), page.next());
    }

    private static Entry entry(Document document) {
        try {
            return new Entry(document.getString(ID), document.getString("reason"), document.getString("by"),
                    document.getDate("addedAt").toInstant());
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("do-not-call entry " + document.get(ID) + " is stored in a form this version cannot read: "
                    + e.getMessage(), e);
        }
    }
}
