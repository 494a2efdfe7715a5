package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.campaign.AttemptRecording;
import org.hotline.campaign.Contact;
import org.hotline.campaign.KeptAttemptRecordings;

/** The answered attempts whose recording was not swept yet ({@code recording} on the attempt's record once it is). */
public final class MongoAttemptRecordings implements KeptAttemptRecordings {

    private final MongoCollection<Document> attempts;

    public MongoAttemptRecordings(MongoCollection<Document> attempts) {
        this.attempts = attempts;
    }

    @Override
    public List<Kept> answeredBefore(Instant before, int limit) {
        List<Kept> kept = new ArrayList<>();
        attempts.find(and(ne("answeredAt", null), lt("answeredAt", Date.from(before)), exists("recording", false)))
                .sort(Sorts.ascending("answeredAt")).limit(limit).forEach(attempt -> {
                    String contact = attempt.getString("contactId");
                    int number = attempt.getInteger("attempt", 0);
                    if (Contact.isValidId(contact) && number > 0) {
                        kept.add(new Kept(new AttemptRecording(contact, number), attempt.getDate("answeredAt").toInstant()));
                    }
                });
        return kept;
    }

    @Override
    public void swept(AttemptRecording recording, Instant at, boolean deleted) {
        attempts.updateMany(and(eq("contactId", recording.contactId()), eq("attempt", recording.attempt()), ne("answeredAt", null)),
                Updates.set("recording", new Document("sweptAt", Date.from(at)).append("deleted", deleted)));
    }
}
