package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.hotline.campaign.upload.SkippedContact;
import org.hotline.campaign.upload.UploadResult;
import org.hotline.campaign.upload.UploadedContact;
import org.hotline.store.CampaignContacts.WrittenContacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignContactsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final UploadedContact CHEN = new UploadedContact(2, "+8613800138000", BEIJING, "陈先生", "退货进度",
            LocalDate.of(2026, 11, 20), "C-1001", "喜欢上午来电");

    private MongoStore store;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Test
    void eachContactIsWrittenPendingWithWhatTheDialerNeeds() {
        java.time.Instant deadline = NOW.plus(java.time.Duration.ofDays(2));
        WrittenContacts written = new CampaignContacts(store.campaignContacts(), CLOCK)
                .write("autumn-returns", upload(List.of(CHEN)), deadline);

        assertThat(written.written()).isEqualTo(1);
        Document stored = store.campaignContacts().find().first();
        assertThat(stored).isEqualTo(new Document("_id", "autumn-returns:u2").append("campaignId", "autumn-returns")
                .append("number", "+8613800138000").append("zone", "Asia/Shanghai")
                .append("name", "陈先生").append("subject", "退货进度").append("originalDate", "2026-11-20")
                .append("reference", "C-1001").append("note", "喜欢上午来电")
                .append("status", "pending").append("attempts", 0).append("nextAttemptAt", Date.from(NOW))
                .append("deadline", Date.from(deadline))
                .append("uploadId", written.uploadId()).append("row", 2).append("uploadedAt", Date.from(NOW)));
        // The dialer reads it as one of its own: due now, in the customer's zone, with the script's details.
        var due = new MongoContactBook(store.campaignContacts(), store.campaignAttempts())
                .due(new org.hotline.campaign.CampaignId("autumn-returns"), NOW, 10);
        assertThat(due).singleElement().satisfies(contact -> {
            assertThat(contact.details().name()).isEqualTo("陈先生");
            assertThat(contact.details().subject()).isEqualTo("退货进度");
            assertThat(contact.deadline()).isEqualTo(deadline);
        });
    }

    @Test
    void aLongListIsWrittenInBatchesUnderOneUploadId() {
        WrittenContacts written = new CampaignContacts(store.campaignContacts(), CLOCK, 2).write("c1", upload(contacts(5)));

        assertThat(written.written()).isEqualTo(5);
        assertThat(store.campaignContacts().countDocuments(eq("uploadId", written.uploadId()))).isEqualTo(5);
    }

    @Test
    void aNumberIsInACampaignOnceAcrossUploadsButMayBeInAnother() {
        CampaignContacts campaigns = new CampaignContacts(store.campaignContacts(), CLOCK, 2);
        campaigns.write("c1", upload(List.of(CHEN)));

        WrittenContacts second = campaigns.write("c1", upload(contacts(3)));
        WrittenContacts elsewhere = campaigns.write("c2", upload(List.of(CHEN)));

        assertThat(second.written()).isEqualTo(2);
        assertThat(second.alreadyInCampaign()).containsExactly(new SkippedContact(2, "+8613800138000"));
        assertThat(elsewhere.written()).isEqualTo(1);
        assertThat(store.campaignContacts().countDocuments(eq("campaignId", "c1"))).isEqualTo(3);
    }

    @Test
    void aBatchFailingMidwayLeavesNothingOfTheUploadAndWhatWasThereBeforeIntact() {
        new CampaignContacts(store.campaignContacts(), CLOCK).write("c1", upload(List.of(new UploadedContact(2, "+8613000000000",
                BEIJING, "老客户", null, null, null, null))));
        CampaignContacts failingThirdBatch = new CampaignContacts(failing(store.campaignContacts(), "insertMany", 3), CLOCK, 2);

        assertThatThrownBy(() -> failingThirdBatch.write("c1", upload(contacts(7))))
                .isInstanceOf(ContactListNotWritten.class)
                .hasMessageStartingWith("the contact list was not written, nothing of it is kept");

        assertThat(store.campaignContacts().countDocuments(eq("campaignId", "c1"))).as("the earlier upload only").isEqualTo(1);
    }

    @Test
    void whenTakingTheUploadOutFailsTooTheMessageSaysWhatMayBeLeft() {
        MongoCollection<Document> broken = failing(failing(store.campaignContacts(), "insertMany", 2), "deleteMany", 1);

        assertThatThrownBy(() -> new CampaignContacts(broken, CLOCK, 2).write("c1", upload(contacts(5))))
                .isInstanceOf(ContactListNotWritten.class)
                .hasMessageContaining("part of it may be left in campaign c1 (upload ");
    }

    @Test
    void anEmptyListOrAMalformedCampaignIdIsRefused() {
        CampaignContacts campaigns = new CampaignContacts(store.campaignContacts(), CLOCK);

        assertThatThrownBy(() -> campaigns.write("c1", upload(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no contacts to call: 0 of 0 rows to call");
        for (String id : new String[] {null, "", "{\"$ne\": 1}", "x".repeat(65)}) {
            assertThatThrownBy(() -> campaigns.write(id, upload(List.of(CHEN)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("campaignId:");
        }
        assertThat(store.campaignContacts().countDocuments()).isZero();
    }

    private static UploadResult upload(List<UploadedContact> contacts) {
        return new UploadResult("UTF-8", contacts.size(), contacts, List.of(), List.of(), List.of());
    }

    private static List<UploadedContact> contacts(int count) {
        List<UploadedContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(new UploadedContact(i + 2, "+861380013800" + i, BEIJING, "客户" + i, null, null, null, null));
        }
        return contacts;
    }

    /** The collection, but the n-th call of {@code method} fails as when the connection drops. */
    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> failing(MongoCollection<Document> real, String method, int n) {
        AtomicInteger calls = new AtomicInteger();
        return (MongoCollection<Document>) Proxy.newProxyInstance(CampaignContactsTest.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, called, args) -> {
                    if (called.getName().equals(method) && calls.incrementAndGet() == n) {
                        throw new MongoSocketReadException("connection reset", new ServerAddress());
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
