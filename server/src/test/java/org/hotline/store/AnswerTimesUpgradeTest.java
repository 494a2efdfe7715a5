package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.report.CallFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerTimesUpgradeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private MongoStore store;
    private AnswerTimesUpgrade upgrade;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        upgrade = new AnswerTimesUpgrade(store, Duration.ofMinutes(3), Duration.ofMinutes(5), SHANGHAI,
                Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private static Date at(int seconds) {
        return Date.from(T0.plusSeconds(seconds));
    }

    /** A record as the earlier version wrote it: the answer a few seconds early, the answered offer ending with the talk. */
    private void earlierRecord(String id, Document talkTime) {
        Document call = new Document("_id", id).append("arrivalAt", at(0)).append("endedAt", at(400))
                .append("queue", new Document("name", "orders").append("enqueuedAt", at(10)))
                .append("agent", new Document("id", "010").append("answeredAt", at(20)))
                .append("offers", List.of(
                        new Document("agent", "011").append("ringStartedAt", at(11)).append("endedAt", at(20))
                                .append("outcome", "no-answer"),
                        new Document("agent", "010").append("ringStartedAt", at(20)).append("endedAt", at(390))
                                .append("outcome", "answered")));
        if (talkTime != null) {
            call.append("talkTime", talkTime);
        }
        store.calls().insertOne(call);
    }

    @Test
    void anAnswerATalkTimerFixesIsRecoveredAndTheConversationKeepsItsEnd() {
        // The warning timer started at Asterisk's answer (24.5 s) and fired three minutes later.
        earlierRecord("c1", new Document("warnedAt", Date.from(T0.plusMillis(24_500).plus(Duration.ofMinutes(3)))));

        AnswerTimesUpgrade.Changes changes = upgrade.runOnce().orElseThrow();

        assertThat(changes).isEqualTo(new AnswerTimesUpgrade.Changes(1, 1, 0, java.util.Set.of(LocalDate.of(2026, 11, 20))));
        CallFacts facts = CallFactsReader.read(store.calls().find(new Document("_id", "c1")).first());
        assertThat(facts.agentAnsweredAt()).isEqualTo(T0.plusMillis(24_500));
        assertThat(facts.talk()).contains(Duration.ofMillis(365_500));
        assertThat(facts.offers()).extracting(CallFacts.OfferFacts::rang)
                .containsExactly(java.util.Optional.of(Duration.ofSeconds(9)), java.util.Optional.of(Duration.ofMillis(4_500)));
        Document stored = store.calls().find(new Document("_id", "c1")).first();
        assertThat(stored.get("corrected", Document.class).getDate("earlierAgentAnsweredAt")).isEqualTo(at(20));
    }

    @Test
    void anAnswerNothingFixesIsMarkedUnknownRatherThanKeptWrong() {
        earlierRecord("c2", null);

        AnswerTimesUpgrade.Changes changes = upgrade.runOnce().orElseThrow();

        assertThat(changes.answersUnknown()).isEqualTo(1);
        CallFacts facts = CallFactsReader.read(store.calls().find(new Document("_id", "c2")).first());
        assertThat(facts.agentAnsweredAt()).isNull();
        assertThat(facts.agent()).isEqualTo("010");
        assertThat(facts.talk()).as("no start, no talk length").isEmpty();
        assertThat(facts.offers().get(1).rang()).isEmpty();
        assertThat(org.hotline.report.CallTally.of(facts, org.hotline.report.ReportRules.handbook()).get("010")
                .get(org.hotline.report.Measure.AGENT_ANSWER_TIME_UNKNOWN)).isEqualTo(1);
    }

    @Test
    void itRunsOnceAndLeavesRecordsOfThisVersionAlone() {
        store.calls().insertOne(new Document("_id", "c3").append("arrivalAt", at(0)).append("offers", List.of(
                new Document("agent", "010").append("ringStartedAt", at(20)).append("ringEndedAt", at(23)).append("outcome", "answered"))));
        earlierRecord("c4", null);

        assertThat(upgrade.runOnce().orElseThrow().records()).isEqualTo(1);
        assertThat(upgrade.runOnce()).isEmpty();
        assertThat(store.calls().find(new Document("_id", "c3")).first().containsKey("corrected")).isFalse();
    }
}
