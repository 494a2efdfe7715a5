package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.hotline.call.AgentLeg;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.CallbackOutcome;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.shared.Language;
import org.hotline.report.CallFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call written by the journal from its events reads back as the facts the reports count. */
class CallFactsReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

    private MongoStore store;
    private MongoCallJournal journal;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aRoutedCallWithAMissedRingASurveyAndAWrapUp() {
        CallId id = new CallId("1795300000.1");
        List<CallEvent> events = List.of(
                new CallEvent.Arrived(T0, "PJSIP/caller-00000001", id.value(), CallerId.presented("13800138000", null), "10000"),
                new CallEvent.Answered(at(1)),
                new CallEvent.AnswerMeasured(at(1), new AnswerMeasure(Duration.ofSeconds(1), 1, true, false)),
                new CallEvent.FlowStarted(at(0), Language.ZH),
                new CallEvent.ChoiceMade(at(9), '1', "orders"),
                new CallEvent.Queued(at(10), "orders", true, false),
                new CallEvent.Offered(at(11), "011"),
                new CallEvent.OfferEnded(at(20), "011", at(11), AgentLeg.Outcome.NO_ANSWER),
                new CallEvent.ApologyPlayed(at(25)),
                new CallEvent.Offered(at(40), "010"),
                new CallEvent.OfferEnded(at(45), "010", at(40), AgentLeg.Outcome.ANSWERED),
                new CallEvent.AgentAnswered(at(45), "010"),
                new CallEvent.ConversationStarted(at(45), "010"),
                new CallEvent.ConversationEnded(at(245), "010", HangupSide.AGENT),
                new CallEvent.SurveyOffered(at(246)),
                new CallEvent.SurveyAnswered(at(250), 4),
                new CallEvent.FlowEnded(at(256), FlowOutcome.CONNECTED),
                new CallEvent.Ended(at(256), 16, "Normal Clearing", HangupSide.HOTLINE),
                new CallEvent.WrapUpEnded(at(255), "010"));
        events.forEach(event -> journal.append(id, event));

        CallFacts facts = CallFactsReader.read(stored(id));

        assertThat(facts.arrivalAt()).isEqualTo(T0);
        assertThat(facts.queue()).isEqualTo("orders");
        assertThat(facts.systemAnsweredAt()).isEqualTo(at(1));
        assertThat(facts.withinRings()).isTrue();
        assertThat(facts.apologyPlayedAt()).isEqualTo(at(25));
        assertThat(facts.enqueuedAt()).isEqualTo(at(10));
        assertThat(facts.agent()).isEqualTo("010");
        assertThat(facts.agentAnsweredAt()).isEqualTo(at(45));
        assertThat(facts.talk()).contains(Duration.ofSeconds(200));
        assertThat(facts.wrapUp()).contains(Duration.ofSeconds(10));
        assertThat(facts.surveyScore()).isEqualTo(4);
        assertThat(facts.offers()).containsExactly(
                new CallFacts.OfferFacts("011", at(11), at(20), false),
                new CallFacts.OfferFacts("010", at(40), at(45), true));
        assertThat(facts.surveyOffered()).isTrue();
    }

    @Test
    void aRecordOfAnEarlierVersionStillGivesItsTalkFromTheAnsweredOffersEnd() {
        CallId id = new CallId("1795300000.2");
        journal.append(id, new CallEvent.Arrived(T0, "PJSIP/caller-00000002", id.value(), CallerId.presented("13800138000", null), "10000"));
        journal.append(id, new CallEvent.AgentAnswered(at(45), "010"));
        journal.awaitIdle(Duration.ofSeconds(10));
        // Before offers had their own ring end, an answered offer's endedAt was the end of the conversation.
        store.calls().updateOne(new org.bson.Document("_id", id.value()), com.mongodb.client.model.Updates.push("offers",
                new org.bson.Document("agent", "010").append("ringStartedAt", java.util.Date.from(at(40)))
                        .append("endedAt", java.util.Date.from(at(245))).append("outcome", "answered")));

        CallFacts facts = CallFactsReader.read(stored(id));

        assertThat(facts.talk()).contains(Duration.ofSeconds(200));
        assertThat(facts.offers()).singleElement().satisfies(offer -> assertThat(offer.rang()).isEmpty());
    }

    @Test
    void aCallbackRequestAndItsSuccessfulTry() {
        CallId id = new CallId("1795300000.2");
        journal.append(id, new CallEvent.FlowStarted(T0, Language.ZH));
        journal.append(id, new CallEvent.Queued(at(10), "orders"));
        journal.append(id, new CallEvent.CallbackRequested(at(15), "13800138000", "orders", at(3615)));
        journal.append(id, new CallEvent.Ended(at(25), 16, null, HangupSide.HOTLINE));
        journal.append(id, new CallEvent.CallbackAttempted(at(900), "010", at(600), CallbackOutcome.CUSTOMER_ANSWERED, at(610)));
        journal.append(id, new CallEvent.CallbackClosed(at(900), true));

        CallFacts facts = CallFactsReader.read(stored(id));

        assertThat(facts.callbackRequestedAt()).isEqualTo(at(15));
        assertThat(facts.callbackDeadline()).isEqualTo(at(3615));
        assertThat(facts.callbackReachedAt()).isEqualTo(at(610));
        assertThat(facts.agent()).as("a callback's agent is not the inbound call's").isNull();
    }

    @Test
    void aRecordWithOddValuesReadsAsWhatCanBeTrusted() {
        Document odd = new Document("_id", "x-1").append(CallUpdate.ARRIVAL_AT, java.util.Date.from(T0))
                .append("answer", "not a document").append("survey", new Document("score", 9))
                .append("queue", new Document("enqueuedAt", "yesterday"));
        CallFacts facts = CallFactsReader.read(odd);
        assertThat(facts.surveyScore()).isNull();
        assertThat(facts.enqueuedAt()).isNull();
        assertThat(facts.withinRings()).isFalse();
    }

    private Document stored(CallId id) {
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        return new CallRecords(store.calls()).stored(id).orElseThrow();
    }
}
