package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.hotline.campaign.upload.SkippedContact;
import org.hotline.campaign.upload.UploadResult;
import org.hotline.campaign.upload.UploadedContact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts of outbound campaigns, in the {@value #COLLECTION} collection, one document per
 * contact, written from an upload's good rows:
 * <pre>
 * { _id: "autumn-returns:u2",         // the campaign, and the row of the upload
 *   campaignId: "autumn-returns",      // the campaign the contact belongs to
 *   number: "+8613800138000",          // E.164; a number is in a campaign once (unique index)
 *   zone: "Asia/Shanghai",             // the customer's time zone, for the call window in their local time
 *   name: "陈先生", subject: "退货进度" | null, originalDate: "2026-11-20" | null,
 *   reference: "C-1001" | null, note: "…" | null,
 *   status: "pending", attempts: 0, nextAttemptAt: ISODate, deadline: ISODate,   // the dialer's from here on
 *                                  // (see MongoContactBook: due at once, done by the campaign's deadline)
 *   uploadId: "…", row: 2, uploadedAt: ISODate }           // which upload (and row of it) brought the contact
 * </pre>
 * Indexes: {@code {campaignId, number}} unique; {@code {uploadId}}. The dialer's own fields
 * ({@code status}, {@code attempts}, {@code nextAttemptAt}) start as above; what they become is
 * the dialer's to say.
 *
 * <p>An upload is written whole or not at all: its contacts go in batches tagged with one upload
 * id, and when a batch fails, what the upload had written is deleted again by that id. A number
 * the campaign already has (from an earlier upload) is not written twice and is reported. A
 * campaign should start dialling only once {@link #write} has returned.
 */
public final class CampaignContacts {

    static final String COLLECTION = "campaign_contacts";
    static final String PENDING = "pending";

    private static final Logger log = LoggerFactory.getLogger(CampaignContacts.class);
    private static final int BATCH = 1_000;
    /** What campaign ids may look like: they reach queries as values only, and logs and messages as they are. */
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final MongoCollection<Document> contacts;
    private final Clock clock;
    private final int batchSize;
    private volatile boolean indexed;

    public CampaignContacts(MongoCollection<Document> contacts, Clock clock) {
        this(contacts, clock, BATCH);
    }

    CampaignContacts(MongoCollection<Document> contacts, Clock clock, int batchSize) {
        this.contacts = Objects.requireNonNull(contacts);
        this.clock = Objects.requireNonNull(clock);
        this.batchSize = batchSize;
    }

    /**
     * Writes the upload's contacts into the campaign, status {@value #PENDING}.
     *
     * @param campaignId letters, digits, {@code -} and {@code _}, at most 64
     * @throws IllegalArgumentException when the campaign id is malformed or the upload has no contact to write
     * @throws ContactListNotWritten    when the store failed part way; nothing of the upload is kept
     *                                  (unless taking it out failed too: the message then says so)
     */
    public WrittenContacts write(String campaignId, UploadResult upload) {
        return write(campaignId, upload, clock.instant().plus(java.time.Duration.ofDays(3)));
    }

    /** As {@link #write(String, UploadResult)}, each contact to be reached by {@code deadline}. */
    public WrittenContacts write(String campaignId, UploadResult upload, java.time.Instant deadline) {
        if (campaignId == null || !CAMPAIGN_ID.matcher(campaignId).matches()) {
            throw new IllegalArgumentException("campaignId: letters, digits, - and _, at most 64");
        }
        if (upload.contacts().isEmpty()) {
            throw new IllegalArgumentException("no contacts to call: " + upload.summary());
        }
        String uploadId = UUID.randomUUID().toString();
        Date now = Date.from(clock.instant());
        int written = 0;
        List<SkippedContact> already = new ArrayList<>();
        List<UploadedContact> all = upload.contacts();
        try {
            ensureIndexes();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<UploadedContact> batch = all.subList(from, Math.min(all.size(), from + batchSize));
                written += insert(batch, campaignId, uploadId, now, Date.from(deadline), already);
            }
        } catch (RuntimeException e) { // whatever stopped it, nothing of the upload may stay
            throw rolledBack(campaignId, uploadId, e);
        }
        return new WrittenContacts(uploadId, written, already);
    }

    /** Inserts a batch; a number the campaign already has is added to {@code already}, any other failure thrown. */
    private int insert(List<UploadedContact> batch, String campaignId, String uploadId, Date now, Date deadline,
                       List<SkippedContact> already) {
        List<Document> documents = batch.stream().map(contact -> document(contact, campaignId, uploadId, now, deadline)).toList();
        try {
            contacts.insertMany(documents, new InsertManyOptions().ordered(false)); // unordered: one duplicate does not stop the rest
            return documents.size();
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> errors = e.getWriteErrors();
            if (e.getWriteConcernError() != null || errors.stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            errors.forEach(error -> {
                UploadedContact contact = batch.get(error.getIndex());
                already.add(new SkippedContact(contact.row(), contact.number()));
            });
            return documents.size() - errors.size();
        }
    }

    private ContactListNotWritten rolledBack(String campaignId, String uploadId, RuntimeException cause) {
        try {
            long removed = contacts.deleteMany(eq("uploadId", uploadId)).getDeletedCount();
            log.warn("contact list for campaign {} not written ({}); the {} contacts written before the failure were taken out",
                    campaignId, cause.toString(), removed);
            return new ContactListNotWritten("the contact list was not written, nothing of it is kept: " + cause.getMessage(), cause);
        } catch (RuntimeException second) {
            log.error("contact list for campaign {} not written ({}), and what was written could not be taken out ({}): "
                    + "delete the documents with uploadId {}", campaignId, cause.toString(), second.toString(), uploadId);
            return new ContactListNotWritten("the contact list was not written, and part of it may be left in campaign " + campaignId
                    + " (upload " + uploadId + "): " + cause.getMessage(), cause);
        }
    }

    private static Document document(UploadedContact contact, String campaignId, String uploadId, Date now, Date deadline) {
        return new Document("_id", campaignId + ":u" + contact.row())
                .append("campaignId", campaignId)
                .append("number", contact.number())
                .append("zone", contact.zone().getId())
                .append("name", contact.name())
                .append("subject", contact.subject())
                .append("originalDate", contact.originalDate() == null ? null : contact.originalDate().toString())
                .append("reference", contact.reference())
                .append("note", contact.note())
                .append("status", PENDING)
                .append("attempts", 0)
                .append("nextAttemptAt", now)
                .append("deadline", deadline)
                .append("uploadId", uploadId)
                .append("row", contact.row())
                .append("uploadedAt", now);
    }

    /** Made before the first write rather than at start-up: the unique index is what keeps a number in a campaign once. */
    private void ensureIndexes() {
        if (!indexed) {
            contacts.createIndex(Indexes.ascending("campaignId", "number"), new IndexOptions().unique(true));
            contacts.createIndex(Indexes.ascending("uploadId"));
            indexed = true;
        }
    }

    /**
     * What a write did.
     *
     * @param uploadId          the id the upload's contacts are tagged with
     * @param written           contacts written
     * @param alreadyInCampaign contacts not written because the campaign already has their number
     */
    public record WrittenContacts(String uploadId, int written, List<SkippedContact> alreadyInCampaign) {

        public WrittenContacts {
            alreadyInCampaign = List.copyOf(alreadyInCampaign);
        }
    }
}
