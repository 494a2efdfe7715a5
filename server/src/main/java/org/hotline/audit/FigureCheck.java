package org.hotline.audit;

/** One report figure: its value counted from CEL, the report's, and whether they agree. */
public record FigureCheck(String name, FigureValue cel, FigureValue report) {

    public boolean agrees() {
        return report != null && cel.agrees(report);
    }
}
