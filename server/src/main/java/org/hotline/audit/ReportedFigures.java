package org.hotline.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.report.Figures;
import org.hotline.report.Ratio;

/** The report's figures (what {@code GET /api/reports} shows) in the audit's names and forms; read, not recomputed. */
public final class ReportedFigures {

    private ReportedFigures() {
    }

    public static Map<String, FigureValue> of(Figures f) {
        Map<String, FigureValue> figures = new LinkedHashMap<>();
        figures.put("calls", new FigureValue.Count(f.calls()));
        figures.put("systemAnswered", new FigureValue.Count(f.systemAnswered()));
        figures.put("threeRingAnswer", share(f.threeRings()));
        figures.put("queued", new FigureValue.Count(f.queued()));
        figures.put("agentAnswered", new FigureValue.Count(f.agentAnswered()));
        figures.put("agentThreeRingAnswer", share(f.agentRings()));
        figures.put("ringNoAnswer", new FigureValue.Count(f.ringNoAnswer()));
        figures.put("abandoned", new FigureValue.Count(f.abandoned()));
        figures.put("shortAbandoned", new FigureValue.Count(f.shortAbandoned()));
        figures.put("asaSeconds", new FigureValue.Mean(f.averageSpeedOfAnswer()));
        figures.put("talkWithin3Minutes", share(f.talkWithinTarget()));
        figures.put("talkOver5Minutes", new FigureValue.Count(f.talkOverLimit()));
        figures.put("serviceLevel.answered", share(f.serviceLevelAnswered()));
        figures.put("serviceLevel.answeredAndAbandoned", share(f.serviceLevelOffered()));
        figures.put("serviceLevel.queued", share(f.serviceLevelQueued()));
        return figures;
    }

    private static FigureValue share(Ratio ratio) {
        return new FigureValue.Share(ratio.part(), ratio.whole());
    }
}
