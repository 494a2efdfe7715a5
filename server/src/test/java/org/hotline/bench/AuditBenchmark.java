package org.hotline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;
import org.hotline.audit.AuditResult;
import org.hotline.audit.AuditRules;
import org.hotline.audit.AuditedCall;
import org.hotline.audit.CelAudit;
import org.hotline.audit.Offer;
import org.hotline.audit.OfferOutcome;
import org.hotline.audit.RecordDocuments;
import org.hotline.report.ReportRules;
import org.hotline.store.DayAudit;
import org.hotline.store.AuditRecords;
import org.hotline.store.CallLedger;
import org.hotline.store.HourlyRollups;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;

/**
 * The CEL audit of a busy day on the store the tests use (embedded unless MONGO_URI): 30,000 calls, their CEL
 * lines written as Asterisk writes them (Local-channel callers, agents' PJSIP legs) and matching call records;
 * the whole audit (read the CEL file, the records and the report, rebuild, count, compare) timed a few times.
 * Usage (bin/bench audit): AuditBenchmark [calls, default 30000] [runs, default 5]
 */
public final class AuditBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    public static void main(String[] args) throws IOException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<AuditedCall> day = day(calls, new Random(42));
        Path cel = Files.createTempFile("hotline-audit-bench", ".csv");
        try (MongoStore store = TestMongo.openStore()) {
            long lines = writeCel(day, cel);
            List<Document> records = day.stream().map(RecordDocuments::of).toList();
            for (int i = 0; i < records.size(); i += 1_000) {
                store.calls().insertMany(records.subList(i, Math.min(records.size(), i + 1_000)));
            }
            HourlyRollups rollups = new HourlyRollups(store, new CallLedger(store.callLedger()), ReportRules.handbook(), BEIJING,
                    Clock.systemUTC());
            rollups.recompute(DAY.atStartOfDay(BEIJING).toInstant(), DAY.plusDays(1).atStartOfDay(BEIJING).toInstant());
            System.out.printf(Locale.ROOT, "audit: %d calls, %d CEL lines (%.1f MB), %d records%n", calls, lines,
                    Files.size(cel) / 1e6, records.size());
            DayAudit audit = new DayAudit(new CelAudit("hotline", AuditRules.of(ReportRules.handbook()), BEIJING), org.hotline.audit.CelFiles.of(cel),
                    new AuditRecords(store.calls()), rollups);
            List<Double> seconds = new ArrayList<>();
            AuditResult result = null;
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                result = audit.of(DAY);
                seconds.add((System.nanoTime() - started) / 1e9);
            }
            seconds.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "audit of a day of %d calls: median %.2f s (runs: %s); %d in CEL, %d records, "
                    + "%d call differences, figures disagreeing: %s%n", calls, seconds.get(seconds.size() / 2), seconds,
                    result.celCalls(), result.recordCalls(), result.calls().size(),
                    result.disagreeingFigures().stream().map(f -> f.name() + " " + f.cel().text() + " vs " + f.report().text()).toList());
        } finally {
            Files.deleteIfExists(cel);
        }
        System.exit(0); // the embedded store's threads would keep the JVM alive
    }

    /** A day's calls: most answered, some rung out first, some abandoned waiting or while a phone rang, some never queued. */
    static List<AuditedCall> day(int count, Random random) {
        Instant start = DAY.atStartOfDay(BEIJING).toInstant();
        long spacingMicros = 86_400_000_000L / count;
        List<AuditedCall> calls = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Instant arrival = start.plusNanos((n * spacingMicros + random.nextInt(1_000)) * 1_000L);
            String id = "1796500000." + (4 * n + 1);
            Instant answered = arrival.plusNanos(1_200_000L + random.nextInt(2_000_000));
            int kind = random.nextInt(10);
            if (kind == 0) { // the menu, no queue: the hotline closes the call
                Instant end = answered.plusSeconds(20);
                calls.add(new AuditedCall(id, arrival, answered, null, null, List.of(), null, null, null, null, end));
                continue;
            }
            Instant enqueued = answered.plusSeconds(8 + random.nextInt(10)).plusNanos(random.nextInt(999_999) * 1_000L);
            List<Offer> offers = new ArrayList<>();
            Instant ring = enqueued.plusMillis(random.nextInt(15_000));
            int leg = 0;
            if (kind == 1) { // the first agent's phone rings out
                offers.add(new Offer(agent(random), legId(n, leg++), ring, ring.plusMillis(9_013), OfferOutcome.NO_ANSWER));
                ring = ring.plusMillis(9_020);
            }
            if (kind == 2) { // abandoned waiting
                Instant gone = enqueued.plusMillis(1_000 + random.nextInt(60_000));
                calls.add(new AuditedCall(id, arrival, answered, queue(random), enqueued, List.of(), null, null, null, gone,
                        gone.plusNanos(1_500_000)));
                continue;
            }
            if (kind == 3) { // abandoned while an agent's phone rang
                Instant gone = ring.plusMillis(500 + random.nextInt(7_000));
                offers.add(new Offer(agent(random), legId(n, leg), ring, gone.plusNanos(700_000), OfferOutcome.CALLER_ABANDONED));
                calls.add(new AuditedCall(id, arrival, answered, queue(random), enqueued, offers, null, null, null, gone,
                        gone.plusNanos(1_500_000)));
                continue;
            }
            Instant agentAnswer = ring.plusMillis(500 + random.nextInt(10_000));
            offers.add(new Offer(agent(random), legId(n, leg), ring, agentAnswer, OfferOutcome.ANSWERED));
            Instant talkStart = agentAnswer.plusNanos(2_400_000);
            Instant talkEnd = talkStart.plusMillis(20_000 + random.nextInt(400_000));
            calls.add(new AuditedCall(id, arrival, answered, queue(random), enqueued, offers, agentAnswer, talkStart, talkEnd,
                    talkEnd.minusNanos(100_000), talkEnd.plusNanos(1_300_000)));
        }
        return calls;
    }

    private static String legId(int n, int leg) {
        return "1796500000." + (4 * n + 2 + leg);
    }

    private static String agent(Random random) {
        return String.format(Locale.ROOT, "%03d", 10 + random.nextInt(50));
    }

    private static String queue(Random random) {
        return CallRecordGenerator.QUEUES.get(random.nextInt(CallRecordGenerator.QUEUES.size()));
    }

    /** The CEL lines Asterisk writes for these calls, in time order (shapes as in the real capture the tests read). */
    private static long writeCel(List<AuditedCall> calls, Path file) throws IOException {
        record Line(Instant at, String text) {
        }
        List<Line> lines = new ArrayList<>();
        for (int n = 0; n < calls.size(); n++) {
            AuditedCall c = calls.get(n);
            String caller = "Local/100" + n + "@hotline-" + String.format("%08x", n);
            String linked = "1796500000." + (4 * n);
            String hotlineSide = caller + ";2";
            String callerSide = caller + ";1";
            lines.add(new Line(c.arrivalAt().minusNanos(50_000), line("CHAN_START", c.arrivalAt().minusNanos(50_000), linked, linked, callerSide, "hotline", "", "", "", "")));
            lines.add(new Line(c.arrivalAt(), line("CHAN_START", c.arrivalAt(), c.id(), linked, hotlineSide, "hotline", "", "", "", "")));
            lines.add(new Line(c.answeredAt(), line("ANSWER", c.answeredAt(), c.id(), linked, hotlineSide, "hotline-flow", "AGI", "", "", "")));
            if (c.queued()) {
                lines.add(new Line(c.enqueuedAt(), line("USER_DEFINED", c.enqueuedAt(), c.id(), linked, hotlineSide, "hotline-flow",
                        "CELGenUserEvent", "HOTLINE_QUEUED,orders".replace("orders", c.queue()), "HOTLINE_QUEUED",
                        "{\"extra\":\"" + c.queue() + "\"}")));
            }
            for (Offer o : c.offers()) {
                String agentLeg = "PJSIP/agent-" + o.agent() + "-" + String.format("%08x", n);
                lines.add(new Line(o.ringStartedAt(), line("CHAN_START", o.ringStartedAt(), o.leg(), linked, agentLeg, "agents", "", "", "", "")));
                if (o.outcome() == OfferOutcome.ANSWERED) {
                    lines.add(new Line(o.ringEndedAt(), line("ANSWER", o.ringEndedAt(), o.leg(), linked, agentLeg, "agents", "AppDial", "", "", "")));
                    lines.add(new Line(c.talkEndedAt().plusNanos(400_000), line("HANGUP", c.talkEndedAt().plusNanos(400_000), o.leg(), linked,
                            agentLeg, "agents", "AppDial", "", "", "{\"hangupcause\":16,\"hangupsource\":\"\",\"dialstatus\":\"\"}")));
                } else {
                    int cause = o.outcome() == OfferOutcome.NO_ANSWER ? 0 : 16;
                    lines.add(new Line(o.ringEndedAt(), line("HANGUP", o.ringEndedAt(), o.leg(), linked, agentLeg, "agents", "AppDial", "",
                            "", "{\"hangupcause\":" + cause + ",\"hangupsource\":\"\",\"dialstatus\":\"\"}")));
                }
            }
            if (c.talkStartedAt() != null) {
                lines.add(new Line(c.talkStartedAt(), line("BRIDGE_ENTER", c.talkStartedAt(), c.id(), linked, hotlineSide, "hotline-flow", "Dial", "", "", "")));
                lines.add(new Line(c.talkEndedAt(), line("BRIDGE_EXIT", c.talkEndedAt(), c.id(), linked, hotlineSide, "hotline-flow", "Dial", "", "", "")));
            }
            if (c.callerHungUpAt() != null) {
                lines.add(new Line(c.callerHungUpAt(), line("HANGUP", c.callerHungUpAt(), linked, linked, callerSide, "test-caller", "", "", "",
                        "{\"hangupcause\":16,\"hangupsource\":\"dialplan/builtin\",\"dialstatus\":\"\"}")));
                lines.add(new Line(c.endedAt(), line("HANGUP", c.endedAt(), c.id(), linked, hotlineSide, "hotline-flow", "", "", "",
                        "{\"hangupcause\":16,\"hangupsource\":\"\",\"dialstatus\":\"\"}")));
            } else {
                lines.add(new Line(c.endedAt(), line("HANGUP", c.endedAt(), c.id(), linked, hotlineSide, "hotline-flow", "", "", "",
                        "{\"hangupcause\":16,\"hangupsource\":\"dialplan/builtin\",\"dialstatus\":\"\"}")));
                lines.add(new Line(c.endedAt().plusNanos(60_000), line("HANGUP", c.endedAt().plusNanos(60_000), linked, linked, callerSide,
                        "test-caller", "", "", "", "{\"hangupcause\":16,\"hangupsource\":\"\",\"dialstatus\":\"\"}")));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Line line : lines) {
                out.write(line.text());
                out.newLine();
            }
        }
        return lines.size();
    }

    private static String line(String type, Instant at, String uniqueId, String linkedId, String channel, String context,
                               String app, String appData, String userDefType, String extra) {
        String time = at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1_000);
        return String.join(",", List.of(type, time, uniqueId, linkedId, channel, context, "s", "", app, appData, "",
                userDefType, extra).stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
    }
}
