package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.hotline.campaign.DoNotCallList;

/** The do-not-call list in MongoDB: one document per E.164 number, the number as its id. */
public final class MongoDoNotCallList implements DoNotCallList {

    public static final String COLLECTION = "do_not_call";

    private final MongoCollection<Document> numbers;

    public MongoDoNotCallList(MongoCollection<Document> numbers) {
        this.numbers = numbers;
    }

    @Override
    public boolean contains(String number) {
        return numbers.find(eq("_id", number)).first() != null;
    }
}
