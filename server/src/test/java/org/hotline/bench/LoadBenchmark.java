package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.TestAmi;

/**
 * Many calls at once through the real Asterisk and the packaged server, under each set of JVM
 * options in turn (alternating, so the machine's noise falls on both): the server's resident
 * memory at the peak, and each call's arrival → answer by Asterisk's own event timestamps
 * (the hotline side's Newchannel → its Newstate Up), p50 and p99 per run, medians per set.
 *
 * <p>Usage (bin/bench runs it): LoadBenchmark JAVA [calls, default 200] [rounds, default 2]
 * [name=options ...] (default: the options before and bin/hotline's now)
 */
public final class LoadBenchmark {

    /** The server's JVM before this benchmark chose its collector: serial GC, a quarter of the RAM. */
    static final List<String> BEFORE = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAMPercentage=25");

    private static final Duration ARRIVALS = Duration.ofSeconds(10);
    private static final Duration HELD = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        BenchArguments line = BenchArguments.of(args);
        String java = args[0];
        int calls = line.whole(1, 200, 1);
        int rounds = line.whole(2, 2, 1);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String set : line.from(3)) {
            int equals = set.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a set of JVM options is name=options, not '" + set + "'");
            }
            sets.put(set.substring(0, equals), List.of(set.substring(equals + 1).trim().split("\\s+")));
        }
        if (sets.isEmpty()) {
            sets.put("before", BEFORE);
            sets.put("now", ServerProcess.JVM_OPTIONS);
        }
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        sets.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (var set : sets.entrySet()) {
                Run run = run(java, asterisk, set.getValue(), calls);
                runs.get(set.getKey()).add(run);
                System.out.printf(Locale.ROOT, "round %d, %s %s: %d calls (%d at once at the peak), answered %d;"
                                + " arrival->answer p50 %.1f ms p99 %.1f ms slowest %.1f ms; resident memory peak %.0f MB,"
                                + " at idle before %.0f MB%n", round, set.getKey(), set.getValue(), calls, run.concurrent(),
                        run.answers().size(), percentile(run.answers(), 50), percentile(run.answers(), 99),
                        percentile(run.answers(), 100), run.peakRss(), run.idleRss());
            }
        }
        System.out.printf(Locale.ROOT, "%nmedians of %d rounds, %d calls arriving over %d s and held %d s:%n", rounds, calls,
                ARRIVALS.toSeconds(), HELD.toSeconds());
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (var entry : runs.entrySet()) {
            double p99 = InboundBenchmark.median(entry.getValue().stream().map(r -> percentile(r.answers(), 99)).toList());
            double p50 = InboundBenchmark.median(entry.getValue().stream().map(r -> percentile(r.answers(), 50)).toList());
            double rss = InboundBenchmark.median(entry.getValue().stream().map(Run::peakRss).toList());
            medians.put(entry.getKey(), new double[] {p50, p99, rss});
            System.out.printf(Locale.ROOT, "  %-8s arrival->answer p50 %.1f ms, p99 %.1f ms; resident memory peak %.0f MB  (%s)%n",
                    entry.getKey(), p50, p99, rss, String.join(" ", sets.get(entry.getKey())));
        }
        double[] first = medians.values().iterator().next();
        for (var entry : medians.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-8s / %s: p99 x%.2f, resident memory x%.2f%n", entry.getKey(),
                    sets.keySet().iterator().next(), entry.getValue()[1] / first[1], entry.getValue()[2] / first[2]);
        }
        System.exit(0);
    }

    private record Run(List<Double> answers, double peakRss, double idleRss, int concurrent) {
    }

    private static Run run(String java, AsteriskSandbox asterisk, List<String> options, int calls) throws Exception {
        try (ServerProcess server = ServerProcess.start(java, asterisk, Map.of(), options);
             Calls driver = new Calls(asterisk)) {
            server.awaitHealthy();
            driver.place(20, Duration.ofSeconds(2)); // warm-up: JIT, pools
            Thread.sleep(5_000);
            driver.hangUpAll();
            Thread.sleep(2_000);
            driver.clear();
            double idle = server.residentMegabytes();
            Instant start = Instant.now();
            Thread placing = Thread.ofVirtual().start(() -> driver.placeQuietly(calls, ARRIVALS));
            double peak = idle;
            int concurrent = 0;
            while (Duration.between(start, Instant.now()).compareTo(ARRIVALS.plus(HELD)) < 0) {
                peak = Math.max(peak, server.residentMegabytes());
                concurrent = Math.max(concurrent, driver.up());
                Thread.sleep(250);
            }
            placing.join();
            List<Double> answers = driver.answerMillis();
            driver.hangUpAll();
            Thread.sleep(3_000); // the hang-ups reach the server before it stops
            return new Run(answers, peak, idle, concurrent);
        }
    }

    /** Callers on Local channels (as TestAmi makes them), followed by their channels' events. */
    private static final class Calls implements AutoCloseable {
        private final ManagerConnection ami;
        private final Map<String, NewChannelEvent> hotlineSide = new ConcurrentHashMap<>(); // by number
        private final Map<String, Instant> arrived = new ConcurrentHashMap<>(); // by unique id
        private final Map<String, Instant> answered = new ConcurrentHashMap<>();
        private final AtomicInteger ended = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger(30_000);

        Calls(AsteriskSandbox asterisk) throws Exception {
            ami = new ManagerConnectionFactory("127.0.0.1", AsteriskSandbox.AMI_PORT, "hotline", asterisk.amiSecret())
                    .createManagerConnection();
            ami.addEventListener(this::seen);
            ami.login();
        }

        private void seen(ManagerEvent event) {
            if (event instanceof NewChannelEvent created && created.getChannel() != null
                    && created.getChannel().startsWith("Local/") && created.getChannel().contains("@hotline-")
                    && created.getChannel().endsWith(";2")) {
                String number = created.getChannel().substring("Local/".length(), created.getChannel().indexOf('@'));
                hotlineSide.put(number, created);
                arrived.put(created.getUniqueId(), TestAmi.at(created));
            } else if (event instanceof NewStateEvent state && Integer.valueOf(6).equals(state.getChannelState())
                    && arrived.containsKey(state.getUniqueId())) {
                answered.putIfAbsent(state.getUniqueId(), TestAmi.at(state));
            } else if (event instanceof HangupEvent hangup && arrived.containsKey(hangup.getUniqueId())) {
                ended.incrementAndGet();
            }
        }

        void placeQuietly(int calls, Duration over) {
            try {
                place(calls, over);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Places {@code calls} evenly over {@code over}. */
        void place(int calls, Duration over) throws Exception {
            long gapNanos = over.toNanos() / calls;
            long start = System.nanoTime();
            try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < calls; i++) {
                    long due = start + i * gapNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    String number = String.valueOf(next.getAndIncrement());
                    sending.submit(() -> ami.sendAction(LocalCalls.originate(number, "hotline", "test-caller"), 10_000));
                }
            }
        }

        int up() {
            return answered.size() - ended.get();
        }

        List<Double> answerMillis() {
            return LocalCalls.answerMillis(arrived, answered);
        }

        void hangUpAll() throws Exception {
            try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
                for (NewChannelEvent call : hotlineSide.values()) {
                    String callerSide = call.getChannel().substring(0, call.getChannel().length() - 1) + "1";
                    sending.submit(() -> ami.sendAction(new HangupAction(callerSide), 10_000));
                }
            }
        }

        void clear() {
            hotlineSide.clear();
            arrived.clear();
            answered.clear();
            ended.set(0);
        }

        @Override
        public void close() {
            ami.logoff();
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
