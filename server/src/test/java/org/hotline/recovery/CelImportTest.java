package org.hotline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.recovery.KillCel.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.audit.CelCall;
import org.hotline.call.AnswerMeasure;
import org.hotline.call.CallEvent;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.call.RingPolicy;
import org.hotline.call.Settlement;
import org.junit.jupiter.api.Test;

/** Calls Asterisk's fallback handled while the server was down, written whole from CEL (KillCel: a real kill). */
class CelImportTest {

    private static final Instant NOW = Instant.parse("2026-12-06T06:21:45Z");

    @Test
    void aCallerWhoHangsUpDuringTheFallbacksGreetingIsRecordedFromArrivalToTheirHangUp() throws Exception {
        CelCall call = KillCel.all().get("1796538081.19");

        List<CallEvent> events = CelImport.events(call, RingPolicy.handbook(), NOW);

        assertThat(events).first().isInstanceOfSatisfying(CallEvent.Arrived.class, arrived -> {
            assertThat(arrived.at()).isEqualTo(at("1796538081.344504"));
            assertThat(arrived.caller().number()).isEqualTo("13900139202");
            assertThat(arrived.dialled()).isEqualTo("10000");
        });
        assertThat(events.subList(1, events.size())).containsExactly(
                new CallEvent.Answered(at("1796538081.346358")),
                new CallEvent.AnswerMeasured(at("1796538081.346358"), new AnswerMeasure(Duration.between(
                        events.getFirst().at(), at("1796538081.346358")), 1, true, false)),
                new CallEvent.GreetingStarted(at("1796538081.847388")),
                new CallEvent.GreetingEnded(at("1796538083.396057")),
                new CallEvent.CallerLeft(at("1796538083.395594")),
                new CallEvent.FlowEnded(at("1796538083.396057"), FlowOutcome.FALLBACK_ANSWERED),
                new CallEvent.Settled(NOW, Settlement.IMPORTED_FROM_CEL),
                new CallEvent.Ended(at("1796538083.396057"), 0, null, HangupSide.CALLER));
    }

    @Test
    void aCallTheFallbackGreetsAndClosesIsRecordedAsEndedByTheHotline() throws Exception {
        CelCall call = KillCel.all().get("1796538080.15");

        List<CallEvent> events = CelImport.events(call, RingPolicy.handbook(), NOW);

        assertThat(events).contains(new CallEvent.GreetingStarted(at("1796538080.808683")),
                new CallEvent.FlowEnded(at("1796538095.659215"), FlowOutcome.FALLBACK_ANSWERED));
        assertThat(events).noneMatch(CallEvent.CallerLeft.class::isInstance).noneMatch(CallEvent.GreetingEnded.class::isInstance);
        assertThat(events).last().isEqualTo(new CallEvent.Ended(at("1796538095.659215"), 16, null, HangupSide.HOTLINE));
    }

    @Test
    void onlyACallAsteriskHasClosedIsImported() throws Exception {
        assertThat(CelImport.finished(KillCel.atSettling().get("1796538097.27"))).isFalse();
        assertThat(CelImport.finished(KillCel.all().get("1796538097.27"))).isTrue();
    }

    @Test
    void aSipCallerIsKeyedByTheirOwnChannelAndTheirByeIsTheirHangUp() throws Exception {
        CelCall call;
        try (java.io.Reader reader = new java.io.InputStreamReader(
                getClass().getResourceAsStream("/recovery/cel-sip-caller-2026-12-06.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            call = KillCel.READER.of(org.hotline.audit.CelFile.read(reader, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                    .events()).getFirst();
        }

        List<CallEvent> events = CelImport.events(call, RingPolicy.handbook(), NOW);

        assertThat(call.id()).isEqualTo("1796539275.26"); // the PJSIP channel's unique id, also its linked id
        assertThat(events).first().isInstanceOfSatisfying(CallEvent.Arrived.class, arrived -> {
            assertThat(arrived.channel()).isEqualTo("PJSIP/caller-00000002");
            assertThat(arrived.caller().number()).isEqualTo("13800138000");
        });
        assertThat(events).contains(new CallEvent.CallerLeft(at("1796539278.110665")));
        assertThat(events).last().isEqualTo(new CallEvent.Ended(at("1796539278.110665"), 0, null, HangupSide.CALLER));
    }
}
