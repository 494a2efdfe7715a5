package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbandonedCallersTest {

    private static final Instant NINE = Instant.parse("2026-11-20T01:00:00Z");
    private MongoStore store;
    private AbandonedCallers abandoned;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        abandoned = new AbandonedCallers(store.calls());
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private void call(String id, String number, Instant arrival, boolean abandonedCall) {
        Document call = new Document("_id", id).append("arrivalAt", Date.from(arrival))
                .append("caller", new Document("number", number));
        if (abandonedCall) {
            call.append("queue", new Document("abandonedAt", Date.from(arrival.plusSeconds(40))));
        }
        store.calls().insertOne(call);
    }

    @Test
    void callersWhoGaveUpAndHaveNotCalledAgainAreFoundOnceEach() {
        call("1", "13800138001", NINE, true);
        call("2", "13800138001", NINE.plus(Duration.ofHours(1)), true); // gave up twice: found once, by the later call
        call("3", "13800138002", NINE, true);
        call("4", "13800138002", NINE.plus(Duration.ofHours(2)), false); // called again and got through: not to call back
        call("5", "13800138003", NINE, false); // never gave up
        call("6", "anonymous", NINE, true); // no number to call

        assertThat(abandoned.find(NINE.minusSeconds(60), NINE.plus(Duration.ofDays(1)), 100))
                .containsExactly(new AbandonedCallers.Caller("13800138001", NINE.plus(Duration.ofHours(1)), "2"));
    }

    @Test
    void onlyThePeriodAsked() {
        call("1", "13800138001", NINE, true);
        assertThat(abandoned.find(NINE.plus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(2)), 100)).isEmpty();
    }
}
