package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.audit.RealCel.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CallReconstructionTest {

    private final CallReconstruction reconstruction = new CallReconstruction("hotline", Duration.ofSeconds(9));

    private Map<String, AuditedCall> realCalls() throws Exception {
        return reconstruction.calls(RealCel.read().events()).stream()
                .collect(Collectors.toMap(AuditedCall::id, Function.identity()));
    }

    @Test
    void everyCallIntoTheHotlineContextIsOneCallKeyedByItsHotlineSideNotTheLocalChannelsCallerHalf() throws Exception {
        assertThat(realCalls().keySet()).containsExactlyInAnyOrder(
                "1796529891.25", "1796529892.27", "1796529892.29", "1796529893.31", "1796529905.36");
    }

    @Test
    void aChannelTheHotlineDialsOutToAnEndpointInTheHotlineContextIsNoNewCall() {
        Instant t = Instant.parse("2026-12-06T02:00:00Z");
        List<CelEvent> events = List.of(
                new CelEvent("CHAN_START", t, "9.1", "9.1", "PJSIP/agent-010-00000001", "agents", "s", "", "", "", "", "", ""),
                new CelEvent("CHAN_START", t.plusSeconds(3), "9.2", "9.1", "PJSIP/caller-00000002", "hotline", "s", "", "", "",
                        "", "", ""));
        assertThat(reconstruction.calls(events)).isEmpty();
    }

    @Test
    void arrivalIsTheChannelsStartAndTheSystemAnswerItsAnswer() throws Exception {
        AuditedCall call = realCalls().get("1796529891.25");
        assertThat(call.arrivalAt()).isEqualTo(at("1796529891.911059"));
        assertThat(call.answeredAt()).isEqualTo(at("1796529891.912257"));
    }

    @Test
    void aCallThroughTheFrontDoorArrivedWhenTheFrontDoorStampedItAsTheRecordsSay() {
        Instant started = Instant.parse("2026-12-06T15:39:48.577254Z");
        List<CelEvent> stamped = List.of(
                new CelEvent("CHAN_START", started, "9.1", "9.1", "PJSIP/frontdoor-00000001", "hotline", "10000", "", "", "", "", "", ""),
                new CelEvent("USER_DEFINED", started.plusMillis(1), "9.1", "9.1", "PJSIP/frontdoor-00000001", "hotline-arrival", "s",
                        "", "CELGenUserEvent", "HOTLINE_ARRIVAL,1796571584.566886", "", "HOTLINE_ARRIVAL",
                        "{\"extra\":\"1796571584.566886\"}"));
        assertThat(reconstruction.calls(stamped).getFirst().arrivalAt()).isEqualTo(Instant.parse("2026-12-06T15:39:44.566886Z"));

        List<CelEvent> stampedLater = List.of(stamped.getFirst(), new CelEvent("USER_DEFINED", started.plusMillis(1), "9.1", "9.1",
                "PJSIP/frontdoor-00000001", "hotline-arrival", "s", "", "CELGenUserEvent", "HOTLINE_ARRIVAL,1796571590.000000", "",
                "HOTLINE_ARRIVAL", "{\"extra\":\"1796571590.000000\"}"));
        assertThat(reconstruction.calls(stampedLater).getFirst().arrivalAt()).as("a stamp after the channel's start is not taken")
                .isEqualTo(started);
    }

    @Test
    void theQueueAndTheMomentOfJoiningComeFromTheFlowsUserEvent() throws Exception {
        AuditedCall call = realCalls().get("1796529891.25");
        assertThat(call.queue()).isEqualTo("orders");
        assertThat(call.enqueuedAt()).isEqualTo(at("1796529893.414535"));
        assertThat(realCalls().get("1796529893.31").queued()).isFalse();
    }

    @Test
    void anAgentLegRingsFromItsStartToItsAnswerAndTheConversationIsTheCallersTimeInTheBridge() throws Exception {
        AuditedCall call = realCalls().get("1796529891.25");
        assertThat(call.offers()).containsExactly(new Offer("010", "1796529893.32", at("1796529893.415096"),
                at("1796529893.421215"), OfferOutcome.ANSWERED));
        assertThat(call.agentAnsweredAt()).isEqualTo(at("1796529893.421215"));
        assertThat(call.talkStartedAt()).isEqualTo(at("1796529893.421550"));
        assertThat(call.talkEndedAt()).isEqualTo(at("1796529897.913741"));
        assertThat(call.outcome()).isEqualTo("agent-answered");
    }

    @Test
    void aLegThatRangTheAgentsNineSecondsUnansweredRangOutAndTheNextAgentsAnswerIsTheCalls() throws Exception {
        AuditedCall call = realCalls().get("1796529892.27");
        assertThat(call.offers()).extracting(Offer::agent, Offer::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("011", OfferOutcome.NO_ANSWER),
                org.assertj.core.groups.Tuple.tuple("010", OfferOutcome.ANSWERED));
        assertThat(call.offers().get(0).rang()).isBetween(Duration.ofSeconds(9), Duration.ofMillis(9100));
        assertThat(call.agentAnsweredAt()).isEqualTo(at("1796529903.480094"));
    }

    @Test
    void aCallerWhoHangsUpWhileAnAgentsPhoneRingsAbandonedAndTheRingIsTheCallersNotTheAgents() throws Exception {
        AuditedCall call = realCalls().get("1796529905.36");
        assertThat(call.offers()).extracting(Offer::outcome).containsExactly(OfferOutcome.CALLER_ABANDONED);
        // the Local channel's caller half hangs up first: that is the caller's moment
        assertThat(call.abandonedAt()).contains(at("1796529910.093324"));
        assertThat(call.outcome()).isEqualTo("abandoned");
    }

    @Test
    void aCallerWhoHangsUpInTheQueueAbandoned() throws Exception {
        AuditedCall call = realCalls().get("1796529892.29");
        assertThat(call.abandonedAt()).contains(at("1796529896.999680"));
        assertThat(call.offers()).isEmpty();
    }

    @Test
    void whenTheHotlineHangsUpTheCallerDidNot() throws Exception {
        AuditedCall call = realCalls().get("1796529893.31");
        assertThat(call.callerHungUpAt()).isNull();
        assertThat(call.endedAt()).isEqualTo(at("1796529895.533333"));
        assertThat(call.outcome()).isEqualTo("not-queued");
    }

    @Test
    void aSipCallersOwnHangUpIsTheCallersAndTheDialplansIsTheHotlines() {
        Instant t = Instant.parse("2026-12-06T02:00:00Z");
        List<CelEvent> callerLeft = List.of(
                event("CHAN_START", t, "PJSIP/caller-00000001", "hotline", ""),
                event("ANSWER", t.plusMillis(5), "PJSIP/caller-00000001", "hotline-flow", ""),
                event("HANGUP", t.plusSeconds(8), "PJSIP/caller-00000001", "hotline-flow",
                        "{\"hangupcause\":16,\"hangupsource\":\"PJSIP/caller-00000001\",\"dialstatus\":\"\"}"));
        assertThat(reconstruction.calls(callerLeft).get(0).callerHungUpAt()).isEqualTo(t.plusSeconds(8));
        List<CelEvent> hotlineEnded = List.of(callerLeft.get(0), callerLeft.get(1),
                event("HANGUP", t.plusSeconds(8), "PJSIP/caller-00000001", "hotline-flow",
                        "{\"hangupcause\":16,\"hangupsource\":\"dialplan/builtin\",\"dialstatus\":\"\"}"));
        assertThat(reconstruction.calls(hotlineEnded).get(0).callerHungUpAt()).isNull();
    }

    @Test
    void aLocalCallersHangUpIsTheCallersWhicheverHalfAsteriskLogsFirst() {
        Instant t = Instant.parse("2026-12-06T02:00:00Z");
        String callerHalf = "Local/10000@hotline-00000001;1";
        String callHalf = "Local/10000@hotline-00000001;2";
        String callerLeft = "{\"hangupcause\":16,\"hangupsource\":\"\",\"dialstatus\":\"\"}";
        List<CelEvent> callHalfLoggedFirst = List.of(
                new CelEvent("CHAN_START", t, "9.1", "9.1", callerHalf, "test-caller", "s", "", "", "", "", "", ""),
                new CelEvent("CHAN_START", t, "9.2", "9.1", callHalf, "hotline", "10000", "", "", "", "", "", ""),
                new CelEvent("ANSWER", t.plusMillis(5), "9.2", "9.1", callHalf, "hotline-flow", "s", "", "", "", "", "", ""),
                new CelEvent("HANGUP", t.plusSeconds(8), "9.2", "9.1", callHalf, "hotline-flow", "s", "", "", "", "", "",
                        callerLeft),
                new CelEvent("HANGUP", t.plusSeconds(8).plusNanos(900_000), "9.1", "9.1", callerHalf, "test-caller", "s",
                        "", "", "", "", "", callerLeft));

        List<AuditedCall> calls = reconstruction.calls(callHalfLoggedFirst);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).callerHungUpAt()).isEqualTo(t.plusSeconds(8));
    }

    @Test
    void aBusyPhoneIsBusyAndARingTheHotlineStoppedEarlyWhileTheCallerStayedIsWithdrawn() {
        Instant t = Instant.parse("2026-12-06T02:00:00Z");
        List<CelEvent> events = List.of(
                event("CHAN_START", t, "PJSIP/caller-00000001", "hotline", ""),
                leg("CHAN_START", t.plusSeconds(2), "PJSIP/agent-010-00000002", "2", ""),
                leg("HANGUP", t.plusSeconds(3), "PJSIP/agent-010-00000002", "2", "{\"hangupcause\":17,\"hangupsource\":\"\"}"),
                leg("CHAN_START", t.plusSeconds(4), "PJSIP/agent-012-00000003", "3", ""),
                leg("HANGUP", t.plusSeconds(6), "PJSIP/agent-012-00000003", "3", "{\"hangupcause\":16,\"hangupsource\":\"\"}"));
        assertThat(reconstruction.calls(events).get(0).offers()).extracting(Offer::outcome)
                .containsExactly(OfferOutcome.BUSY, OfferOutcome.WITHDRAWN);
    }

    private static CelEvent event(String type, Instant time, String channel, String context, String extra) {
        return new CelEvent(type, time, "1", "1", channel, context, "s", "", "", "", "", "", extra);
    }

    private static CelEvent leg(String type, Instant time, String channel, String uniqueId, String extra) {
        return new CelEvent(type, time, uniqueId, "1", channel, "agents", "s", "", "", "", "", "", extra);
    }
}
