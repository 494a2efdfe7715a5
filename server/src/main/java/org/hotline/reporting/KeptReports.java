package org.hotline.reporting;

import org.hotline.report.ReportSnapshot;

/** Where the reports made on a schedule are kept, by name (e.g. {@code day-2026-11-22}). */
public interface KeptReports {

    boolean exists(String id);

    /** Keeps the report, in place of one of the same name. */
    void save(ReportSnapshot report);
}
