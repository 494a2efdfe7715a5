package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.hotline.report.Measure;
import org.hotline.report.ReportKind;
import org.hotline.report.ReportPeriod;
import org.hotline.report.ReportSnapshot;
import org.hotline.report.Tally;
import org.hotline.reporting.KeptReports;

/** The reports made on a schedule, kept in the {@code reports} collection by name (e.g. {@code day-2026-11-22}). */
public final class StoredReports implements KeptReports {

    static final String COLLECTION = "reports";
    public static final int MAX_LIST = 100;

    private final MongoCollection<Document> reports;

    public StoredReports(MongoCollection<Document> reports) {
        this.reports = reports;
    }

    @Override
    public boolean exists(String id) {
        return reports.find(eq("_id", id)).limit(1).first() != null;
    }

    @Override
    public void save(ReportSnapshot report) {
        Document document = new Document("_id", report.id())
                .append("kind", report.kind().id())
                .append("from", Date.from(report.period().from()))
                .append("to", Date.from(report.period().to()))
                .append("madeAt", Date.from(report.madeAt()))
                .append("total", measures(report.total()))
                .append("byQueue", byKey(report.byQueue()))
                .append("byAgent", byKey(report.byAgent()));
        reports.replaceOne(eq("_id", report.id()), document, new ReplaceOptions().upsert(true));
    }

    public Optional<ReportSnapshot> find(String id) {
        return Optional.ofNullable(reports.find(eq("_id", id)).first()).map(StoredReports::read);
    }

    /** The latest reports of a kind, newest first. */
    public List<ReportSnapshot> list(ReportKind kind, int limit) {
        List<ReportSnapshot> found = new ArrayList<>();
        reports.find(eq("kind", kind.id())).sort(Sorts.descending("from")).limit(Math.min(limit, MAX_LIST))
                .forEach(document -> found.add(read(document)));
        return found;
    }

    private static ReportSnapshot read(Document document) {
        return new ReportSnapshot(document.getString("_id"), ReportKind.valueOf(document.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                new ReportPeriod(document.getDate("from").toInstant(), document.getDate("to").toInstant()),
                document.getDate("madeAt").toInstant(), tally(document.get("total", Document.class)),
                tallies(document.get("byQueue", Document.class)), tallies(document.get("byAgent", Document.class)));
    }

    private static Document measures(Tally tally) {
        Document values = new Document();
        tally.nonZero().forEach((measure, value) -> values.append(measure.field(), value));
        return values;
    }

    private static Document byKey(Map<String, Tally> tallies) {
        Document byKey = new Document();
        tallies.forEach((key, tally) -> byKey.append(key, measures(tally)));
        return byKey;
    }

    private static Tally tally(Document values) {
        Map<Measure, Long> measures = new EnumMap<>(Measure.class);
        if (values != null) {
            for (Measure measure : Measure.values()) {
                if (values.get(measure.field()) instanceof Number number) {
                    measures.put(measure, number.longValue());
                }
            }
        }
        return Tally.of(measures);
    }

    private static Map<String, Tally> tallies(Document byKey) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        if (byKey != null) {
            byKey.keySet().forEach(key -> tallies.put(key, tally(byKey.get(key, Document.class))));
        }
        return tallies;
    }
}
