package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.call.AgentLeg;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.HangupSide;
import org.hotline.recovery.OpenRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The records a killed server left open, as the settling at start-up reads them from the journal's documents. */
class MongoOpenRecordsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:20:46.443Z");

    private MongoStore store;
    private MongoCallJournal journal;
    private MongoOpenRecords records;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(T0, ZoneOffset.UTC));
        records = new MongoOpenRecords(store.calls());
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void aCallTalkingWhenTheServerDiedIsOpenWithItsAgentLegAndTalkAndItsLastKnownMoment() {
        CallId talking = new CallId("1796538046.1");
        write(talking, new CallEvent.Arrived(T0, "Local/10000@hotline-00000000;2", "1796538046.0",
                        CallerId.presented("13900139101", null), "10000"),
                new CallEvent.Answered(T0.plusMillis(80)),
                new CallEvent.OfferEnded(T0.plusSeconds(6), "010", T0.plusSeconds(5), AgentLeg.Outcome.ANSWERED,
                        "1796538052.5", "ANSWER"),
                new CallEvent.AgentAnswered(T0.plusSeconds(6), "010"),
                new CallEvent.ConversationStarted(T0.plusSeconds(6).plusMillis(1), "010"),
                new CallEvent.TalkTimeReached(T0.plusSeconds(186), "010", Duration.ofMinutes(3), false));
        CallId ended = new CallId("1796538040.1");
        write(ended, new CallEvent.Arrived(T0.minusSeconds(6), "PJSIP/caller-1", ended.value(), CallerId.UNKNOWN, "10000"),
                new CallEvent.Ended(T0.minusSeconds(1), 16, "Normal Clearing", HangupSide.CALLER));
        CallId afterStart = new CallId("1796538300.1");
        write(afterStart, new CallEvent.Arrived(T0.plusSeconds(300), "PJSIP/caller-2", afterStart.value(), CallerId.UNKNOWN,
                "10000"));

        List<OpenRecord> open = records.open(T0.plusSeconds(250), 100);

        assertThat(open).containsExactly(new OpenRecord("1796538046.1", T0, T0.plusMillis(80), false, "010", "1796538052.5",
                T0.plusSeconds(6).plusMillis(1), false, null, T0.plusSeconds(186)));
        assertThat(records.existing(List.of("1796538046.1", "1796538040.1", "1796538099.9")))
                .containsExactlyInAnyOrder("1796538046.1", "1796538040.1");
        assertThat(records.newestArrivalBefore(T0.plusSeconds(250))).contains(T0);
        assertThat(records.newestArrivalBefore(T0.minusSeconds(60))).isEmpty();
    }

    private void write(CallId id, CallEvent... events) {
        for (CallEvent event : events) {
            journal.append(id, event);
        }
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }
}
