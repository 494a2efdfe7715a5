package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.hotline.call.CallerId;
import org.hotline.call.ScreenPop;
import org.hotline.cases.KnownCaller;
import org.hotline.live.LiveEvent;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.store.CallRecords;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The moment an agent's phone rings, their desktop shows the caller's last calls, newest first, without this one. */
class LiveDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final String CALLER = "13800138000";

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

    private void recorded(String id, Instant arrival, Document... parts) {
        Document call = new Document("_id", id).append("arrivalAt", Date.from(arrival))
                .append("caller", new Document("number", CALLER));
        for (Document part : parts) {
            call.putAll(part);
        }
        store.calls().insertOne(call);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> historyShownFor(String call) throws Exception {
        CompletableFuture<LiveEvent> shown = new CompletableFuture<>();
        new LiveDesk(shown::complete, new CallRecords(store.calls())).offered(new ScreenPop(new CallId(call), new AgentId("010"),
                "orders", CallerId.presented(CALLER, null), KnownCaller.UNKNOWN, NOW.minusSeconds(20), NOW, false, false));
        return (List<Map<String, Object>>) shown.get(10, TimeUnit.SECONDS).data().get("history");
    }

    private static Map<String, Object> entry(String call, String arrivalAt, String queue, String agent, String outcome) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("call", call);
        entry.put("arrivalAt", arrivalAt);
        entry.put("queue", queue);
        entry.put("agent", agent);
        entry.put("outcome", outcome);
        return entry;
    }

    @Test
    void theCallersLastCallsWithTheirQueueAgentAndOutcome() throws Exception {
        recorded("1763776800.1", NOW.minusSeconds(7_200), new Document("queue", new Document("name", "orders"))
                .append("agent", new Document("id", "011")).append("flow", new Document("outcome", "connected")));
        recorded("1763780400.2", NOW.minusSeconds(3_600), new Document("queue", new Document("name", "complaints"))
                .append("flow", new Document("outcome", "abandoned")));
        recorded("1763784000.3", NOW); // the call ringing now

        assertThat(historyShownFor("1763784000.3")).containsExactly(
                entry("1763780400.2", "2026-11-22T01:00:00Z", "complaints", null, "abandoned"),
                entry("1763776800.1", "2026-11-22T00:00:00Z", "orders", "011", "connected"));
    }

    @Test
    void aCallerWithoutANumberHasNoHistory() throws Exception {
        recorded("1763776800.1", NOW.minusSeconds(7_200));
        CompletableFuture<LiveEvent> shown = new CompletableFuture<>();
        new LiveDesk(shown::complete, new CallRecords(store.calls())).offered(new ScreenPop(new CallId("1763784000.3"),
                new AgentId("010"), "orders", CallerId.UNKNOWN, KnownCaller.UNKNOWN, NOW.minusSeconds(20), NOW, false, false));

        assertThat((List<?>) shown.get(10, TimeUnit.SECONDS).data().get("history")).isEmpty();
    }
}
