package org.hotline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.recovery.KillCel.at;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.audit.CelCall;
import org.hotline.audit.CelFile;
import org.hotline.call.AdoptedCall;
import org.hotline.call.CallEvent;
import org.hotline.call.FlowOutcome;
import org.hotline.call.HangupSide;
import org.hotline.call.Settlement;
import org.junit.jupiter.api.Test;

/** Records a killed server left open, settled from what Asterisk's CEL and live channels say (KillCel: a real kill). */
class SettlingTest {

    private static final Instant NOW = KillCel.SETTLED.plusSeconds(1);

    /** What the killed server had written of a call: arrival and answer, and the last moment it knew of. */
    private static OpenRecord open(String id, String arrival, String lastKnown) {
        return new OpenRecord(id, at(arrival), at(arrival), true, null, null, null, false, null, at(lastKnown));
    }

    private static OpenRecord talking(String id, String arrival, String agent, String talkStart) {
        return new OpenRecord(id, at(arrival), at(arrival), true, agent, null, at(talkStart), false, null, at(talkStart));
    }

    @Test
    void aCallKilledWhileWaitingInTheQueueIsClosedWhenAsteriskHungItUpByTheFallbackThatTookIt() throws IOException {
        Settling.Verdict verdict = Settling.of(open("1796538059.7", "1796538059.141", "1796538060.9"), Set.of(),
                KillCel.atSettling(), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Settling.Close.class, close ->
                assertThat(close.how()).isEqualTo(Settlement.CLOSED_FROM_CEL));
        assertThat(verdict.events()).containsSubsequence(
                new CallEvent.FlowEnded(at("1796538088.258524"), FlowOutcome.FAILED),
                new CallEvent.Settled(NOW, Settlement.CLOSED_FROM_CEL),
                new CallEvent.Ended(at("1796538088.258524"), 16, "closed from Asterisk's CEL", HangupSide.HOTLINE));
        assertThat(verdict.events()).noneMatch(CallEvent.CallerLeft.class::isInstance);
    }

    @Test
    void aCallerInTheMenuWhoHangsUpAsTheFallbackBeginsIsRecordedAsTheCallerHangingUpAtThatMoment() throws IOException {
        Settling.Verdict verdict = Settling.of(open("1796538071.11", "1796538071.716", "1796538072.3"), Set.of(),
                KillCel.atSettling(), NOW);

        // the caller's own hang-up (the Local call's ;1 half), a moment before their channel's
        assertThat(verdict.events()).contains(new CallEvent.CallerLeft(at("1796538078.790337")));
        assertThat(verdict.events()).last().isEqualTo(
                new CallEvent.Ended(at("1796538078.790866"), 0, "closed from Asterisk's CEL", HangupSide.CALLER));
    }

    @Test
    void aConversationThatEndedWhileTheServerWasDownKeepsItsAgentAndItsTrueEnd() throws IOException {
        Settling.Verdict verdict = Settling.of(talking("1796538052.3", "1796538052.692", "011", "1796538058.836"), Set.of(),
                KillCel.atSettling(), NOW);

        assertThat(verdict.events()).containsSubsequence(
                new CallEvent.ConversationEnded(at("1796538080.300382"), "011", HangupSide.CALLER),
                new CallEvent.CallerLeft(at("1796538080.300076")),
                new CallEvent.FlowEnded(at("1796538080.300925"), FlowOutcome.CONNECTED));
        assertThat(verdict.events()).noneMatch(CallEvent.AgentAnswered.class::isInstance); // the record has it
    }

    @Test
    void anAgentsAnswerTheKilledServerNeverWroteIsTakenFromAsterisk() throws IOException {
        OpenRecord queuedOnly = open("1796538052.3", "1796538052.692", "1796538058.7");

        Settling.Verdict verdict = Settling.of(queuedOnly, Set.of(), KillCel.atSettling(), NOW);

        assertThat(verdict.events()).first().isInstanceOfSatisfying(CallEvent.AgentAnswered.class, answered -> {
            assertThat(answered.agent()).isEqualTo("011");
            assertThat(answered.at()).isBetween(at("1796538058.8"), at("1796538058.84"));
        });
        assertThat(verdict.events()).contains(new CallEvent.ConversationStarted(at("1796538058.836426"), "011"),
                new CallEvent.ConversationEnded(at("1796538080.300382"), "011", HangupSide.CALLER));
    }

    @Test
    void aCallStillTalkingInAsteriskIsAdoptedWithItsAgentAndLegSoItsEventsCloseItAtItsTrueEnd() throws IOException {
        Settling.Verdict verdict = Settling.of(talking("1796538046.1", "1796538046.524", "010", "1796538052.740"),
                Set.of("1796538046.1", "1796538046.0"), KillCel.atSettling(), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Settling.Adopt.class, adopt -> {
            AdoptedCall facts = adopt.facts();
            assertThat(facts.agent()).isEqualTo("010");
            assertThat(facts.agentLeg()).isNotNull();
            assertThat(facts.talkingSince()).isEqualTo(at("1796538052.740"));
        });
        assertThat(verdict.events()).containsExactly(new CallEvent.Settled(NOW, Settlement.ADOPTED_LIVE));
    }

    @Test
    void aCallAsteriskHasNoEndForIsClosedAsLostWithTheServerAtTheLastMomentItWasKnown() throws IOException {
        OpenRecord unknownToAsterisk = new OpenRecord("1796500000.5", at("1796500000.1"), at("1796500000.2"), true, "010", null,
                at("1796500004.0"), false, null, at("1796500031.5"));

        Settling.Verdict verdict = Settling.of(unknownToAsterisk, Set.of(), KillCel.atSettling(), NOW);

        assertThat(verdict.events()).containsExactly(
                new CallEvent.ConversationEnded(at("1796500031.5"), "010", HangupSide.UNKNOWN),
                new CallEvent.FlowEnded(at("1796500031.5"), FlowOutcome.LOST_WITH_SERVER),
                new CallEvent.Settled(NOW, Settlement.LOST_WITH_SERVER),
                new CallEvent.Ended(at("1796500031.5"), 0, "lost with the server: Asterisk kept no trace of its end",
                        HangupSide.UNKNOWN));
    }

    @Test
    void aCallStillOnAtSettlingButGoneFromAsteriskSinceIsNotClosedFromHalfItsStory() throws IOException {
        // CEL read before its end, and no live channel: Asterisk cannot tell, so it is lost, not invented
        Settling.Verdict verdict = Settling.of(open("1796538097.27", "1796538097.794", "1796538098.0"), Set.of(),
                KillCel.atSettling(), NOW);
        assertThat(verdict.events()).contains(new CallEvent.FlowEnded(at("1796538098.0"), FlowOutcome.LOST_WITH_SERVER));
    }

    @Test
    void aCallerWhoHangsUpWhileAnAgentsPhoneRingsIsClosedAsTheCallerHangingUpWithNoAgent() throws IOException {
        Map<String, CelCall> cel;
        try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/audit/cel-real-2026-12-06.csv"),
                StandardCharsets.UTF_8)) {
            cel = KillCel.READER.of(CelFile.read(reader, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).events())
                    .stream().collect(Collectors.toMap(CelCall::id, Function.identity()));
        }
        Settling.Verdict verdict = Settling.of(open("1796529905.36", "1796529905.092", "1796529907.0"), Set.of(), cel, NOW);

        assertThat(verdict.events()).noneMatch(CallEvent.AgentAnswered.class::isInstance);
        assertThat(verdict.events()).contains(new CallEvent.CallerLeft(at("1796529910.093324")),
                new CallEvent.FlowEnded(at("1796529910.094877"), FlowOutcome.CALLER_HUNG_UP));
        assertThat(verdict.events()).last().isEqualTo(
                new CallEvent.Ended(at("1796529910.094877"), 16, "closed from Asterisk's CEL", HangupSide.CALLER));
    }
}
