package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deleted message is marked on its call's record, which keeps what the message was. */
class MongoDeletedMessagesTest {

    private static final Instant AT = Instant.parse("2026-11-22T01:00:00Z");
    private static final CallId ID = new CallId("1700000000.7");

    private final MongoStore store = TestMongo.openStore();
    private final MongoDeletedMessages deleted = new MongoDeletedMessages(store.calls());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aMessageMarkedDeletedSaysWhenAndKeepsItsTask() {
        write(new CallEvent.MessageLeft(AT, "1700000000.7.wav", Duration.ofSeconds(12)));
        assertThat(deleted.deletedAt(ID)).isEmpty();

        deleted.mark(ID, AT.plus(Duration.ofDays(90)));

        assertThat(deleted.deletedAt(ID)).contains(AT.plus(Duration.ofDays(90)));
        org.bson.Document message = store.calls().find().first().get("message", org.bson.Document.class);
        assertThat(message.getString("file")).isEqualTo("1700000000.7.wav");
        assertThat(message.getLong("lengthMs")).isEqualTo(12_000L);
    }

    @Test
    void aRecordWithoutAMessageIsLeftAlone() {
        write(new CallEvent.MessageOffered(AT, "orders"));

        deleted.mark(ID, AT);

        assertThat(deleted.deletedAt(ID)).isEmpty();
        assertThat(store.calls().find().first().containsKey("message")).isFalse();
        assertThat(deleted.deletedAt(new CallId("1700000000.9"))).isEmpty();
    }

    private void write(CallEvent event) {
        store.calls().updateOne(com.mongodb.client.model.Filters.eq("_id", ID.value()), CallUpdate.of(event, event.at()),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
}
