package org.hotline.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hotline.campaign.DoNotCallList;
import org.hotline.campaign.upload.ContactNumbers;
import org.hotline.campaign.upload.ContactUpload;
import org.hotline.campaign.upload.UploadLimits;
import org.hotline.campaign.upload.UploadRefused;
import org.hotline.campaign.upload.UploadResult;
import org.hotline.customer.PhoneNumbers;
import org.hotline.store.CampaignContacts;
import org.hotline.store.MongoDoNotCallList;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;

/**
 * A campaign's contact list of 100,000 rows (see {@link ContactListGenerator}), as UTF-8 with a
 * byte-order mark and English header, and as GB18030 with a Chinese header:
 * <ol>
 *   <li>parse and validate: encoding found, rows parsed, numbers normalised and checked, duplicates
 *       found; then the same screened against a do-not-call list of 10,000 numbers in the store;</li>
 *   <li>written into a campaign in the store;</li>
 *   <li>memory: the heap the read's result holds; with {@code memory}, in a JVM that only reads (bin/bench
 *       gives it a 96 MB heap), the process's peak RSS.</li>
 * </ol>
 * Against the store the tests use: the embedded store unless MONGO_URI names a MongoDB.
 * Usage (bin/bench runs it): ContactsBenchmark [rows, default 100000] [runs, default 5] | memory [rows]
 */
public final class ContactsBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int DO_NOT_CALL = 10_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("memory")) {
            memoryAlone(args.length > 1 ? Integer.parseInt(args[1]) : 100_000);
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ContactNumbers beijing = new ContactNumbers(new PhoneNumbers("CN"), "10", BEIJING);
        try (MongoStore store = TestMongo.openStore()) {
            MongoDoNotCallList doNotCall = new MongoDoNotCallList(store.doNotCall());
            ContactUpload upload = new ContactUpload(beijing, doNotCall, CLOCK);
            CampaignContacts campaigns = new CampaignContacts(store.campaignContacts(), CLOCK);
            boolean listed = false;
            for (Variant variant : List.of(new Variant("UTF-8, BOM, English header", StandardCharsets.UTF_8, false, true),
                    new Variant("GB18030, Chinese header", Charset.forName("GB18030"), true, false))) {
                byte[] file = new ContactListGenerator(42).file(rows, variant.charset, variant.chineseHeader, variant.bom);
                System.out.printf(Locale.ROOT, "%s: %,d rows, %.1f MB%n", variant.name, rows, file.length / 1e6);
                ContactUpload unscreened = new ContactUpload(beijing, new NobodyListed(), CLOCK);
                List<Double> parseSeconds = new ArrayList<>();
                for (int run = 0; run <= runs; run++) { // run 0 warms up
                    long t0 = System.nanoTime();
                    UploadResult parsed = read(unscreened, file);
                    if (run > 0) {
                        parseSeconds.add((System.nanoTime() - t0) / 1e9);
                    }
                    if (!listed) {
                        listSome(doNotCall, parsed, DO_NOT_CALL);
                        listed = true;
                    }
                }
                report("  parse and validate", parseSeconds, rows, "rows");

                List<Double> readSeconds = new ArrayList<>();
                List<Double> writeSeconds = new ArrayList<>();
                UploadResult result = null;
                for (int run = 0; run <= runs; run++) {
                    long t0 = System.nanoTime();
                    result = read(upload, file);
                    double read = (System.nanoTime() - t0) / 1e9;
                    long t1 = System.nanoTime();
                    CampaignContacts.WrittenContacts written = campaigns.write("bench-" + run, result);
                    double write = (System.nanoTime() - t1) / 1e9;
                    if (written.written() != result.contacts().size()) {
                        throw new IllegalStateException("wrote " + written.written() + " of " + result.contacts().size());
                    }
                    store.campaignContacts().drop();
                    if (run > 0) {
                        readSeconds.add(read);
                        writeSeconds.add(write);
                    }
                }
                System.out.printf(Locale.ROOT, "  %s (%s)%n", result.summary(), result.encoding());
                report(String.format(Locale.ROOT, "  the same, screened against %,d do-not-call numbers in the store", DO_NOT_CALL),
                        readSeconds, rows, "rows");
                report(String.format(Locale.ROOT, "  write %,d contacts into the store", result.contacts().size()),
                        writeSeconds, result.contacts().size(), "contacts");
                result = null;
                memory(unscreened, file);
            }
            System.out.printf(Locale.ROOT, "process peak RSS (the embedded store and its data included): %.0f MB%n", peakRssKb() / 1024.0);
            store.database().drop();
        }
        System.exit(0);
    }

    /**
     * The upload's own memory, in a JVM that does nothing else (bin/bench gives it a small heap):
     * the process's peak RSS while the GB18030 file, the harder one, is read three times.
     */
    private static void memoryAlone(int rows) throws Exception {
        byte[] file = new ContactListGenerator(42).file(rows, Charset.forName("GB18030"), true, false);
        ContactUpload upload = new ContactUpload(new ContactNumbers(new PhoneNumbers("CN"), "10", BEIJING), new NobodyListed(), CLOCK);
        usedAfterGc();
        long rssBefore = peakRssKb();
        boolean reset = resetPeakRss();
        UploadResult result = null;
        for (int i = 0; i < 3; i++) {
            result = read(upload, file);
        }
        System.out.printf(Locale.ROOT, "upload alone, %,d rows (GB18030, %.1f MB), max heap %.0f MB: %s%n", rows, file.length / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, result.summary());
        System.out.printf(Locale.ROOT, "  process peak RSS while reading: %.0f MB (%s); before reading: %.0f MB%n", peakRssKb() / 1024.0,
                reset ? "peak reset after the file was made" : "peak since the JVM started", rssBefore / 1024.0);
        memory(upload, file);
        System.exit(0);
    }

    /** Linux lets a process reset its peak RSS, so that it measures from here on. */
    private static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void report(String what, List<Double> seconds, int count, String unit) {
        double median = InboundBenchmark.median(seconds);
        System.out.printf(Locale.ROOT, "%s: median %.2f s (%.2f–%.2f, %d runs) = %,.0f %s/s%n", what, median, min(seconds), max(seconds),
                seconds.size(), count / median, unit);
    }

    /** The heap a read's result holds once garbage is collected: what an upload costs while its campaign is made. */
    private static void memory(ContactUpload upload, byte[] file) throws Exception {
        long before = usedAfterGc();
        UploadResult held = read(upload, file);
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "  heap held by the result: %.0f MB (%,d contacts, %d errors)%n",
                (after - before) / 1e6, held.contacts().size(), held.errors().size());
    }

    private static UploadResult read(ContactUpload upload, byte[] file) throws IOException, UploadRefused {
        return upload.read(new ByteArrayInputStream(file), UploadLimits.standard());
    }

    /** Puts 1% of the upload's contacts on the do-not-call list, and other numbers up to {@code count}. */
    private static void listSome(DoNotCallList list, UploadResult upload, int count) {
        Instant at = CLOCK.instant();
        int fromUpload = 0;
        for (int i = 0; i < upload.contacts().size(); i += 100) {
            list.add(new DoNotCallList.Entry(upload.contacts().get(i).number(), "asked", "bench", at));
            fromUpload++;
        }
        for (int i = 0; i < count - fromUpload; i++) {
            list.add(new DoNotCallList.Entry("+86199" + String.format(Locale.ROOT, "%08d", i), "asked", "bench", at));
        }
    }

    /** A do-not-call list with nobody on it: what parsing and validating cost without the store. */
    private static final class NobodyListed implements DoNotCallList {
        @Override
        public boolean contains(String e164) {
            return false;
        }

        @Override
        public Set<String> listedAmong(Collection<String> e164s) {
            return Set.of();
        }

        @Override
        public boolean add(Entry entry) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(String e164) {
            return false;
        }

        @Override
        public Optional<Entry> find(String e164) {
            return Optional.empty();
        }

        @Override
        public Page list(String after, int limit) {
            return new Page(List.of(), null);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private record Variant(String name, Charset charset, boolean chineseHeader, boolean bom) {
    }
}
