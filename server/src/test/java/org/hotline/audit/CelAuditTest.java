package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.report.ReportRules;
import org.junit.jupiter.api.Test;

class CelAuditTest {

    private final CelAudit audit = new CelAudit("hotline", AuditRules.of(ReportRules.handbook()), RealCel.SHANGHAI);

    @Test
    void theDaysFiguresCountedFromRealCelFollowTheReportsDefinitions() throws Exception {
        Map<String, FigureValue> figures = DayFigures.of(celCalls(), AuditRules.of(ReportRules.handbook()));
        assertThat(figures).containsEntry("calls", new FigureValue.Count(5))
                .containsEntry("systemAnswered", new FigureValue.Count(5))
                .containsEntry("threeRingAnswer", new FigureValue.Share(5, 5))
                .containsEntry("queued", new FigureValue.Count(4))
                .containsEntry("agentAnswered", new FigureValue.Count(2))
                // three offers the agents could answer (the ring the caller hung up on is in neither part), two within 3 rings
                .containsEntry("agentThreeRingAnswer", new FigureValue.Share(2, 3))
                .containsEntry("ringNoAnswer", new FigureValue.Count(1))
                .containsEntry("abandoned", new FigureValue.Count(0))
                .containsEntry("shortAbandoned", new FigureValue.Count(2))
                .containsEntry("talkWithin3Minutes", new FigureValue.Share(2, 2))
                .containsEntry("talkOver5Minutes", new FigureValue.Count(0))
                .containsEntry("serviceLevel.answered", new FigureValue.Share(2, 2))
                // short abandons are in neither part of this one...
                .containsEntry("serviceLevel.answeredAndAbandoned", new FigureValue.Share(2, 2))
                // ... and in both parts of this one
                .containsEntry("serviceLevel.queued", new FigureValue.Share(4, 4));
        // (0.006680 s + 9.022829 s) / 2
        assertThat(figures.get("asaSeconds")).isEqualTo(new FigureValue.Mean(java.util.Optional.of(Duration.ofNanos(4_514_754_500L))));
    }

    @Test
    void anHonestDayIsClean() throws Exception {
        AuditResult result = audit.audit(RealCel.DAY, RealCel.read(), records(), honestReport());
        assertThat(result.calls()).isEmpty();
        assertThat(result.disagreeingFigures()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.celCalls()).isEqualTo(5);
        assertThat(result.recordCalls()).isEqualTo(5);
    }

    @Test
    void anAgentAnswerMovedByTwoSecondsInTheRecordIsFound() throws Exception {
        List<AuditedCall> records = records();
        AuditedCall honest = records.stream().filter(call -> call.id().equals("1796529892.27")).findFirst().orElseThrow();
        records.set(records.indexOf(honest), new AuditedCall(honest.id(), honest.arrivalAt(), honest.answeredAt(), honest.queue(),
                honest.enqueuedAt(), honest.offers(), honest.agentAnsweredAt().minusSeconds(2), honest.talkStartedAt(),
                honest.talkEndedAt(), honest.callerHungUpAt(), honest.endedAt()));

        AuditResult result = audit.audit(RealCel.DAY, RealCel.read(), records, honestReport());

        assertThat(result.clean()).isFalse();
        assertThat(result.calls()).containsExactly(new CallDifference("1796529892.27", "agent.answeredAt",
                "2026-12-06T04:05:03.480094Z", "2026-12-06T04:05:01.480Z"));
    }

    @Test
    void aCallWithoutARecordAndARecordWithoutACallAreBothFound() throws Exception {
        List<AuditedCall> records = records();
        records.removeIf(call -> call.id().equals("1796529892.29"));
        records.add(new AuditedCall("1796529999.1", RealCel.at("1796529950.000000"), null, null, null, List.of(), null, null,
                null, null, null));

        AuditResult result = audit.audit(RealCel.DAY, RealCel.read(), records, honestReport());

        assertThat(result.calls()).extracting(CallDifference::callId, CallDifference::what, CallDifference::record)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1796529892.29", "record", "-"),
                        org.assertj.core.groups.Tuple.tuple("1796529999.1", "record", "arrived 2026-12-06T04:05:50Z"));
    }

    @Test
    void aReportFigureThatDiffersFromCelIsListedWithBothValues() throws Exception {
        Map<String, FigureValue> report = new java.util.LinkedHashMap<>(honestReport());
        report.put("agentThreeRingAnswer", new FigureValue.Share(2, 4)); // the caller-abandoned ring counted as an offer

        AuditResult result = audit.audit(RealCel.DAY, RealCel.read(), records(), report);

        assertThat(result.disagreeingFigures()).containsExactly(new FigureCheck("agentThreeRingAnswer",
                new FigureValue.Share(2, 3), new FigureValue.Share(2, 4)));
    }

    @Test
    void aMeanTimeAgreesWithinFiftyMillisecondsAndCountsExactly() {
        FigureValue asa = new FigureValue.Mean(java.util.Optional.of(Duration.ofMillis(4514)));
        assertThat(asa.agrees(new FigureValue.Mean(java.util.Optional.of(Duration.ofMillis(4564))))).isTrue();
        assertThat(asa.agrees(new FigureValue.Mean(java.util.Optional.of(Duration.ofMillis(4565))))).isFalse();
        assertThat(new FigureValue.Count(3).agrees(new FigureValue.Count(4))).isFalse();
    }

    private static List<AuditedCall> celCalls() throws Exception {
        return new CallReconstruction("hotline", Duration.ofSeconds(9)).calls(RealCel.read().events());
    }

    /** Records as the server keeps them: the same moments, in whole milliseconds. */
    private static List<AuditedCall> records() throws Exception {
        List<AuditedCall> records = new ArrayList<>();
        for (AuditedCall c : celCalls()) {
            records.add(new AuditedCall(c.id(), ms(c.arrivalAt()), ms(c.answeredAt()), c.queue(), ms(c.enqueuedAt()),
                    c.offers().stream().map(o -> new Offer(o.agent(), o.leg(), ms(o.ringStartedAt()), ms(o.ringEndedAt()),
                            o.outcome())).toList(),
                    ms(c.agentAnsweredAt()), ms(c.talkStartedAt()), ms(c.talkEndedAt()), ms(c.callerHungUpAt()), ms(c.endedAt())));
        }
        return records;
    }

    private static java.time.Instant ms(java.time.Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, FigureValue> honestReport() throws Exception {
        return DayFigures.of(celCalls(), AuditRules.of(ReportRules.handbook()));
    }
}
