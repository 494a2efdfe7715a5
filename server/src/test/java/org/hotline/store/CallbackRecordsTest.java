package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a restart reads back of callbacks: only the customer's one open request goes back in line,
 * a press that joined it or a number the dial rule refused are recorded but never restored, and a
 * try left dialling comes back with its agent leg's channel id, to be settled from Asterisk's facts.
 */
class CallbackRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    private MongoStore store;
    private MongoCallJournal journal;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        journal.close();
        store.close();
    }

    private void request(String call, CallEvent.CallbackRequested requested) {
        journal.append(new CallId(call), new CallEvent.FlowStarted(NOW, org.hotline.shared.Language.ZH));
        journal.append(new CallId(call), requested);
    }

    @Test
    void onlyTheOpenRequestIsRestoredAndTheJoinedAndRefusedPressesSayWhy() {
        Instant deadline = NOW.plusSeconds(3600);
        request("1795300000.1", new CallEvent.CallbackRequested(NOW, "13800138000", "orders", deadline));
        request("1795300000.2", new CallEvent.CallbackRequested(NOW.plusSeconds(60), "13800138000", "orders", deadline,
                "1795300000.1", null));
        request("1795300000.3", new CallEvent.CallbackRequested(NOW.plusSeconds(90), "110", "orders", deadline, null, "emergency"));
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(new OpenCallbacks(store.calls()).read()).extracting(request -> request.id().value()).containsExactly("1795300000.1");
        Document joined = store.calls().find(new Document("_id", "1795300000.2")).first().get("callback", Document.class);
        assertThat(joined.getString("status")).isEqualTo("joined");
        assertThat(joined.getString("joined")).isEqualTo("1795300000.1");
        Document refused = store.calls().find(new Document("_id", "1795300000.3")).first().get("callback", Document.class);
        assertThat(refused.getString("status")).isEqualTo("refused");
        assertThat(refused.getString("refusal")).isEqualTo("emergency");
        assertThat(CallFactsReader.read(store.calls().find(new Document("_id", "1795300000.2")).first()).callbackDeadline())
                .as("a joined press is never a missed deadline of its own").isNull();
    }

    @Test
    void aTryLeftDiallingComesBackWithItsChannelAndASettledOneDoesNot() {
        request("1795300000.1", new CallEvent.CallbackRequested(NOW, "13800138000", "orders", NOW.plusSeconds(3600)));
        request("1795300000.2", new CallEvent.CallbackRequested(NOW, "13800139001", "orders", NOW.plusSeconds(3600)));
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        MongoDialling dialling = new MongoDialling(store.calls());
        dialling.dialling(new CallId("1795300000.1"), 1, new AgentId("010"), "1795300000.1-cbx1", NOW);
        dialling.dialling(new CallId("1795300000.2"), 1, new AgentId("011"), "1795300000.2-cbx2", NOW);
        dialling.settled(new CallId("1795300000.2"), "1795300000.2-cbx2", "customer-no-answer", NOW.plusSeconds(40));
        dialling.settled(new CallId("1795300000.1"), "1795300000.1-cbold", "agent-no-answer", NOW.plusSeconds(40)); // an older try's late write

        var kept = new OpenCallbacks(store.calls()).readKept();

        assertThat(kept).hasSize(2);
        assertThat(kept).filteredOn(request -> request.dialling() != null).singleElement().satisfies(request -> {
            assertThat(request.request().id().value()).isEqualTo("1795300000.1");
            assertThat(request.dialling().channel()).isEqualTo("1795300000.1-cbx1");
            assertThat(request.dialling().agent()).isEqualTo(new AgentId("010"));
            assertThat(request.dialling().attempt()).isEqualTo(1);
        });
    }
}
