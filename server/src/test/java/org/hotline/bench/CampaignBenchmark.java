package org.hotline.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.CallWindow;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignDialer;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.CampaignRules;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactStatus;
import org.hotline.campaign.OutboundLine;
import org.hotline.campaign.Pacing;
import org.hotline.campaign.RetryRules;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.TestAmi;
import org.hotline.store.EmbeddedMongo;
import org.hotline.store.MongoContactBook;
import org.hotline.store.MongoStore;

/**
 * Campaign dialing figures.
 * <ol>
 * <li>Scheduler overhead per dial decision: contacts read, checked (do-not-call, window,
 * deadline), claimed, marked dialled and finished in the embedded store, with a line that
 * answers at once, so only the scheduler and the store are timed.</li>
 * <li>Originate rate sustained against the real Asterisk: a notification campaign to customers
 * (Local channels) who answer, listen a second and hang up; the packaged server in its own
 * process, 50 lines, 50 calls a second allowed. Asterisk's own channel timestamps give the rate.</li>
 * </ol>
 * Usage (bin/bench runs it): CampaignBenchmark [contacts for the scheduler, default 20000] [calls against Asterisk, default 600] [java]
 */
public final class CampaignBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        String java = args.length > 2 ? args[2] : "java";
        List<Double> perDecision = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            double micros = scheduler(contacts, run);
            perDecision.add(micros);
            System.out.printf(Locale.ROOT, "scheduler run %d: %d contacts, %.0f µs per dial decision%n", run, contacts, micros);
        }
        System.out.printf(Locale.ROOT, "scheduler overhead per dial decision (embedded store), median of 3: %.0f µs%n%n",
                InboundBenchmark.median(perDecision));
        if (calls > 0) {
            originate(calls, java);
        }
        System.exit(0);
    }

    private static double scheduler(int count, int run) throws Exception {
        Path dir = Files.createTempDirectory("hotline-campaign-bench");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoStore store = new MongoStore(mongo.connectionString(), "bench_" + run)) {
            store.ping();
            MongoContactBook book = new MongoContactBook(store.campaignContacts(), store.campaignAttempts());
            Instant now = Instant.now();
            Campaign campaign = new Campaign(new CampaignId("bench"), "bench", CampaignKind.NOTIFICATION,
                    new CampaignRules(new CallWindow(java.time.LocalTime.MIN, java.time.LocalTime.of(23, 59),
                            java.util.EnumSet.allOf(java.time.DayOfWeek.class)), RetryRules.standard(), Duration.ofDays(3),
                            CampaignRules.MOST_LINES, "", Pacing.AGENTLESS, null, true),
                    "demo", CampaignStatus.RUNNING, now, "bench");
            List<Contact> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Contact("bench:" + i, campaign.id(), String.format(Locale.ROOT, "+86139%08d", i), SHANGHAI,
                        ContactDetails.NONE, null, null, ContactStatus.PENDING, 0, now, now.plus(Duration.ofDays(3)), null));
                if (batch.size() == 5_000) {
                    book.add(batch);
                    batch.clear();
                }
            }
            book.add(batch);
            OutboundLine answersAtOnce = (c, contact, listener) -> {
                listener.answered(Instant.now());
                listener.ended(new OutboundLine.Result(AttemptOutcome.REACHED, Instant.now(), null));
            };
            CampaignDialer dialer = new CampaignDialer(campaign, book, number -> false, answersAtOnce, Clock.systemUTC(), "bench");
            long start = System.nanoTime();
            int dialled = 0;
            while (dialled < count) {
                int started = dialer.step(CampaignRules.MOST_LINES);
                if (started == 0 && dialer.nothingDue()) {
                    break;
                }
                dialled += started;
            }
            long elapsed = System.nanoTime() - start;
            if (dialled != count) {
                throw new IllegalStateException("dialled " + dialled + " of " + count);
            }
            return elapsed / 1e3 / count;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void originate(int calls, String java) throws Exception {
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        try (ServerProcess server = ServerProcess.start(java, asterisk, Map.of("HOTLINE_CAMPAIGN_CALLS_PER_SECOND", "50"));
             TestAmi ami = new TestAmi(asterisk)) {
            server.awaitHealthy();
            JsonArray list = new JsonArray();
            for (int i = 0; i < calls; i++) {
                list.add(new JsonObject().put("number", String.format(Locale.ROOT, "139004%05d", i)));
            }
            String id = "bench-" + System.currentTimeMillis();
            var created = server.post("/api/campaigns", new JsonObject().put("id", id).put("name", "originate rate")
                    .put("kind", "notification").put("message", "demo")
                    .put("rules", new JsonObject().put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                            .put("maxLines", 50).put("maxAttempts", 1))
                    .put("contacts", list).encode());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("campaign not created: " + created.body());
            }
            long start = System.nanoTime();
            server.post("/api/campaigns/" + id + "/start", "");
            JsonObject campaign;
            do {
                Thread.sleep(500);
                campaign = new JsonObject(server.get("/api/campaigns/" + id));
            } while (!"completed".equals(campaign.getString("status")) && System.nanoTime() - start < Duration.ofMinutes(10).toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonObject attempts = campaign.getJsonObject("progress").getJsonObject("attempts");
            List<Instant> placed = ami.events().stream().filter(NewChannelEvent.class::isInstance)
                    .map(NewChannelEvent.class::cast)
                    .filter(e -> e.getChannel() != null && e.getChannel().startsWith("Local/139004") && e.getChannel().endsWith(";1"))
                    .map(TestAmi::at).sorted().collect(Collectors.toList());
            double span = Duration.between(placed.getFirst(), placed.getLast()).toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "originate against Asterisk: %d calls placed (Asterisk's count), %s%n", placed.size(), attempts);
            System.out.printf(Locale.ROOT, "  sustained originate rate (first to last channel, Asterisk's clock): %.1f calls/s;"
                    + " campaign start to completed: %.1f s (%.1f calls/s end to end), RSS %.0f MB%n",
                    (placed.size() - 1) / span, seconds, placed.size() / seconds, server.residentMegabytes());
        }
    }
}
