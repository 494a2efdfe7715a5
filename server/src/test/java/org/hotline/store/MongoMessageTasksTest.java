package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.call.CallEvent;
import org.hotline.call.CallerId;
import org.hotline.call.MessageCall;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store claims each message's task once, and reads back what the call's record says of the message. */
class MongoMessageTasksTest {

    private static final Instant AT = Instant.parse("2026-11-22T01:00:00Z");
    private static final CallId ID = new CallId("1700000000.7");

    private final MongoStore store = TestMongo.openStore();
    private final MongoMessageTasks tasks = new MongoMessageTasks(store.messageTasks(), store.calls(), StoreFence.none());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aMessagesTaskIsClaimedOnce() {
        assertThat(tasks.claim(ID)).isTrue();
        assertThat(tasks.claim(ID)).as("a second sweep, a second server").isFalse();
        assertThat(tasks.claim(new CallId("1700000000.8"))).isTrue();
    }

    @Test
    void theRecordGivesTheCallersNumberTheQueueAndWhetherTheCallIsOver() {
        write(new CallEvent.Arrived(AT, "PJSIP/caller-1", "1700000000.7", CallerId.presented("13600136000", null), "10000"));
        write(new CallEvent.MessageOffered(AT.plusSeconds(30), "orders"));

        MessageCall going = tasks.recordOf(ID).orElseThrow();
        assertThat(going).isEqualTo(new MessageCall(ID, "13600136000", Language.ZH, new Skill("orders"), AT.plusSeconds(30),
                false, false));

        write(new CallEvent.Ended(AT.plusSeconds(60), 16, "Normal Clearing", null));
        assertThat(tasks.recordOf(ID).orElseThrow().ended()).isTrue();
        write(new CallEvent.CallbackRequested(AT.plusSeconds(61), "13600136000", "orders", AT.plusSeconds(3661)));
        assertThat(tasks.recordOf(ID).orElseThrow().tasked()).isTrue();
        assertThat(tasks.recordOf(new CallId("1700000000.9"))).isEmpty();
    }

    private void write(CallEvent event) {
        store.calls().updateOne(com.mongodb.client.model.Filters.eq("_id", ID.value()), CallUpdate.of(event, event.at()),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }
}
