package org.hotline.server;

import org.hotline.store.DayAudit;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.hotline.audit.AuditResult;
import org.hotline.audit.CallDifference;
import org.hotline.audit.FigureCheck;
import org.hotline.config.HotlineConfig;
import org.hotline.store.CallLedger;
import org.hotline.store.EmbeddedMongo;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;

/**
 * {@code bin/hotline audit 2026-12-06}: the day's audit against CEL, printed as a table. Exit status 0 when
 * everything agrees, 1 when anything disagrees, 2 for a bad day, 3 when the audit cannot be made.
 */
public final class AuditCommand {

    static final int CLEAN = 0;
    static final int DISAGREES = 1;
    static final int USAGE = 2;
    static final int NOT_MADE = 3;

    private AuditCommand() {
    }

    public static int run(String dayText, HotlineConfig config, PrintStream out, PrintStream err) {
        LocalDate day;
        try {
            day = LocalDate.parse(dayText == null ? "" : dayText);
        } catch (DateTimeParseException e) {
            err.println("hotline audit: expected a day like 2026-12-06, got '" + printable(dayText) + "'");
            return USAGE;
        }
        AuditResult result;
        EmbeddedMongo embedded = null;
        try {
            String uri = config.mongo().uri();
            if (config.mongo().embedded()) {
                embedded = EmbeddedMongo.start(config.mongo().dataDir());
                uri = embedded.connectionString();
            }
            try (MongoStore store = new MongoStore(uri, config.mongo().database())) {
                HourlyRollups rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), config.reports(),
                        config.centre().timeZone(), Clock.systemUTC());
                result = HotlineServer.dayAudit(config, store, rollups).of(day);
            }
        } catch (DayAudit.NoCelFile e) {
            err.println("hotline audit: " + e.getMessage());
            return NOT_MADE;
        } catch (RuntimeException e) {
            err.println("hotline audit: cannot read the store or the CEL file: " + e.getMessage()
                    + (config.mongo().embedded() ? " (the embedded store is one process's: while the server runs, use"
                    + " the reports page's audit or GET /api/reports/audit?day=" + day + ")" : ""));
            return NOT_MADE;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        print(result, config, out);
        return result.clean() ? CLEAN : DISAGREES;
    }

    static void print(AuditResult result, HotlineConfig config, PrintStream out) {
        out.printf("Audit of %s (%s) against Asterisk's CEL %s%n", result.day(), config.centre().timeZone(),
                new org.hotline.audit.CelFiles(config.celFiles()));
        out.printf("calls: %d in CEL, %d records; CEL lines not read: %d%n", result.celCalls(), result.recordCalls(),
                result.skippedLines());
        result.problems().forEach(problem -> out.println("  " + problem));
        out.println();
        out.printf("%-36s %-16s %-16s %s%n", "figure", "CEL", "report", "");
        for (FigureCheck figure : result.figures()) {
            out.printf("%-36s %-16s %-16s %s%n", figure.name(), figure.cel().text(),
                    figure.report() == null ? "-" : figure.report().text(), figure.agrees() ? "agrees" : "DISAGREES");
        }
        out.println();
        out.printf("calls that differ: %d%n", result.calls().stream().map(CallDifference::callId).distinct().count());
        if (!result.calls().isEmpty()) {
            out.printf("%-20s %-28s %-32s %s%n", "call", "what", "CEL", "record");
            for (CallDifference difference : result.calls()) {
                out.printf("%-20s %-28s %-32s %s%n", difference.callId(), difference.what(), difference.cel(),
                        difference.record());
            }
        }
        out.println();
        out.println(result.clean() ? "verdict: clean, the report and the records agree with CEL"
                : String.format(Locale.ROOT, "verdict: DISAGREES (%d figure(s), %d call difference(s))",
                result.disagreeingFigures().size(), result.calls().size()));
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
