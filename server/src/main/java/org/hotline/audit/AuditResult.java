package org.hotline.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A day's audit: every figure with both values, and every call whose record disagrees with CEL.
 *
 * @param celCalls     calls CEL shows arriving that day
 * @param recordCalls  call records of that day
 * @param skippedLines CEL lines that could not be read (counted; they make the verdict unsure, not wrong)
 * @param problems     the first of those lines' problems
 */
public record AuditResult(LocalDate day, Instant from, Instant to, int celCalls, int recordCalls, List<FigureCheck> figures,
                          List<CallDifference> calls, long skippedLines, List<String> problems) {

    public AuditResult {
        figures = List.copyOf(figures);
        calls = List.copyOf(calls);
        problems = List.copyOf(problems);
    }

    /** Every figure agrees and no call differs. */
    public boolean clean() {
        return calls.isEmpty() && figures.stream().allMatch(FigureCheck::agrees);
    }

    public List<FigureCheck> disagreeingFigures() {
        return figures.stream().filter(figure -> !figure.agrees()).toList();
    }
}
