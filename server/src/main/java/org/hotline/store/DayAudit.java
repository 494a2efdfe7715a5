package org.hotline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.hotline.audit.AuditResult;
import org.hotline.audit.CelAudit;
import org.hotline.audit.CelFiles;
import org.hotline.audit.CelLog;
import org.hotline.audit.FigureValue;
import org.hotline.audit.ReportedFigures;
import org.hotline.report.Figures;
import org.hotline.report.Tally;
import org.hotline.reporting.RollupSums;

/**
 * A day's audit against CEL, wired to the product: the CEL file Asterisk writes, the call records and the
 * report the rollups give (what {@code GET /api/reports} shows). Blocking: run it off the event loop.
 */
public final class DayAudit {

    private final CelAudit audit;
    private final CelFiles celFiles;
    private final AuditRecords records;
    private final RollupSums rollups;

    public DayAudit(CelAudit audit, CelFiles celFiles, AuditRecords records, RollupSums rollups) {
        this.audit = audit;
        this.celFiles = celFiles;
        this.records = records;
        this.rollups = rollups;
    }

    /** @throws NoCelFile when Asterisk has not written its log there (CEL not enabled, or another instance's path) */
    public AuditResult of(LocalDate day) {
        CelLog cel = readCel(day);
        Tally tally = rollups.sum(audit.start(day), audit.end(day), Optional.empty(), Optional.empty(), Optional.empty())
                .getOrDefault("", Tally.ZERO);
        Map<String, FigureValue> report = ReportedFigures.of(Figures.of(tally));
        return audit.audit(day, cel, records.arrivedBetween(audit.start(day).minus(CelAudit.NEARBY),
                audit.end(day).plus(CelAudit.NEARBY)), report);
    }

    private CelLog readCel(LocalDate day) {
        if (!celFiles.present()) {
            throw new NoCelFile(celFiles);
        }
        try {
            return celFiles.read(audit.celFrom(day), audit.celTo(day));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CEL file " + celFiles, e);
        }
    }

    /** The CEL file is not there: nothing to audit against. */
    public static final class NoCelFile extends RuntimeException {
        public NoCelFile(CelFiles file) {
            super("no CEL file at " + file + " (is CEL enabled in Asterisk's cel.conf, and asterisk.celFile its path?)");
        }
    }
}
