package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.hotline.report.Ratio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboundReportsTest {

    private static final Instant DAY = Instant.parse("2026-11-20T16:00:00Z"); // 2026-11-21 00:00 in Shanghai
    private static final Instant NEXT_DAY = DAY.plusSeconds(86_400);
    private MongoStore store;
    private OutboundReports reports;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        reports = new OutboundReports(store.campaignContacts(), store.campaignAttempts());
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private void contact(String id, String status, Instant deadline, boolean inTime) {
        store.campaignContacts().insertOne(new Document("_id", id).append("campaignId", "c").append("number", id)
                .append("status", status)
                .append("deadline", Date.from(deadline)).append("reachedInTime", inTime));
    }

    private void attempt(String id, String outcome, Instant endedAt) {
        store.campaignAttempts().insertOne(new Document("_id", id).append("outcome", outcome).append("endedAt", Date.from(endedAt)));
    }

    @Test
    void contactsDueInThePeriodCountAgainstTheirOwnDeadline() {
        contact("reached", "done", DAY.plusSeconds(3600), true);
        contact("out-of-attempts", "exhausted", DAY.plusSeconds(7200), false);
        contact("too-late", "expired", DAY.plusSeconds(7200), false);
        contact("still-trying", "pending", DAY.plusSeconds(7200), false); // not settled: not counted yet
        contact("listed", "do_not_call", DAY.plusSeconds(7200), false); // never to be called: not a miss
        contact("tomorrow", "done", NEXT_DAY.plusSeconds(60), true);
        attempt("a1", "reached", DAY.plusSeconds(100));
        attempt("a2", "no_answer", DAY.plusSeconds(200));
        attempt("a3", "no_answer", DAY.plusSeconds(300));
        attempt("a4", "busy", NEXT_DAY);

        var figures = reports.figures(DAY, NEXT_DAY);

        assertThat(figures.reachedWithinDeadline()).isEqualTo(new Ratio(1, 3));
        assertThat(figures.attemptsByOutcome()).isEqualTo(Map.of("reached", 1L, "no-answer", 2L));
        assertThat(figures.attempts()).isEqualTo(3);
    }

    @Test
    void withoutCampaignsThereIsNoData() {
        assertThat(reports.figures(DAY, NEXT_DAY).reachedWithinDeadline().value()).isEmpty();
    }
}
