package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The rest of the server reads a call record by its typed facts, and the API gets it whole, in plain Java types. */
class CallRecordTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void theFactsReadByNameAreTyped() {
        CallRecord call = CallRecord.of(new Document("_id", "1740816000.17").append("arrivalAt", Date.from(ARRIVAL))
                .append("queue", new Document("name", "orders")).append("agent", new Document("id", "010"))
                .append("flow", new Document("outcome", "connected")));

        assertThat(call.id()).isEqualTo("1740816000.17");
        assertThat(call.arrivalAt()).isEqualTo(ARRIVAL);
        assertThat(call.queue()).isEqualTo("orders");
        assertThat(call.agent()).isEqualTo("010");
        assertThat(call.outcome()).isEqualTo("connected");
    }

    @Test
    void whatARecordDoesNotKnowIsNull() {
        CallRecord call = CallRecord.of(new Document("_id", "1740816000.18").append("queue", "not a document"));

        assertThat(call.arrivalAt()).isNull();
        assertThat(call.queue()).isNull();
        assertThat(call.agent()).isNull();
        assertThat(call.outcome()).isNull();
    }

    @Test
    void theWholeRecordLeavesTheStoreAsPlainMapsAndLists() {
        CallRecord call = CallRecord.of(new Document("_id", "1740816000.19").append("arrivalAt", Date.from(ARRIVAL))
                .append("offers", List.of(new Document("agent", "010").append("outcome", "answered")))
                .append("caller", new Document("number", "13800138000").append("name", null)));

        assertThat(call.asStored()).containsOnlyKeys("_id", "arrivalAt", "offers", "caller")
                .containsEntry("arrivalAt", Date.from(ARRIVAL));
        assertThat(call.asStored().get("caller")).isNotInstanceOf(Document.class).isInstanceOf(Map.class)
                .isEqualTo(new java.util.LinkedHashMap<>(new Document("number", "13800138000").append("name", null)));
        assertThat((List<?>) call.asStored().get("offers")).singleElement().isNotInstanceOf(Document.class)
                .isEqualTo(Map.of("agent", "010", "outcome", "answered"));
    }
}
