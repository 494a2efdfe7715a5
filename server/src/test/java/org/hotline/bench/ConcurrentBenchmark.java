package org.hotline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.Softphone;
import org.hotline.it.TestAmi;

/**
 * Many callers held at once: each is answered, greeted, presses 1 at the menu and waits in the
 * "orders" queue with music, its one agent logged in but paused, until all of them wait together.
 * Reports the server process's resident memory (VmRSS, VmHWM from /proc), native threads and heap
 * after a full collection at idle and with a quarter, half and all of the callers waiting, and
 * whether every call was answered within three rings by Asterisk's own timestamps (the hotline
 * side's Newchannel → Newstate Up). The baseline, in the same run: the same callers held by
 * Asterisk alone (answer, greeting, music on hold, no server), with Asterisk's own memory.
 *
 * <p>Usage (bin/bench runs it): ConcurrentBenchmark JAVA [callers, default 2000]
 * [arrivals per second, default 20] [seconds held once all wait, default 30] [both|asterisk|hotline, default both]
 */
public final class ConcurrentBenchmark {

    /** answer.ringSeconds × answer.maxRings of config/hotline.yaml: the handbook's three rings. */
    private static final Duration THREE_RINGS = Duration.ofSeconds(9);
    /** After the last arrival, how long the callers may take to reach the queue before the run gives up. */
    private static final Duration SETTLE = Duration.ofSeconds(90);

    public static void main(String[] args) throws Exception {
        BenchArguments line = BenchArguments.of(args);
        String java = args[0];
        int callers = line.whole(1, 2000, 4);
        double rate = line.positive(2, 20);
        Duration held = Duration.ofSeconds(line.whole(3, 30, 0));
        String only = line.oneOf(4, "both", Set.of("both", "asterisk", "hotline"));
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        ProcessFigures asteriskProcess = new ProcessFigures(asterisk.pid(), null);
        System.out.printf(Locale.ROOT, "%d callers arriving at %.0f/s, held %d s once all wait; Asterisk at idle: %s%n",
                callers, rate, held.toSeconds(), asteriskProcess.memory());

        Phase baseline = null;
        if (!only.equals("hotline")) {
            System.out.println("\nbaseline: Asterisk alone (answer, greeting, music on hold)");
            baseline = new Phase(asterisk, "bench-hold", asteriskProcess, null, callers, rate, held).run();
        }
        Phase hotline = null;
        if (!only.equals("asterisk")) {
            hotline = hotline(java, jcmd, asterisk, asteriskProcess, callers, rate, held);
        }
        System.out.printf(Locale.ROOT, "%nsummary, %d callers:%n", callers);
        if (baseline != null) {
            baseline.summarise("Asterisk alone");
        }
        if (hotline != null) {
            hotline.summarise("the hotline");
        }
        if (baseline != null && hotline != null) {
            System.out.printf(Locale.ROOT, "  answer p99, the hotline / Asterisk alone: x%.2f%n",
                    hotline.percentile(99) / baseline.percentile(99));
        }
        System.exit(0);
    }

    private static Phase hotline(String java, String jcmd, AsteriskSandbox asterisk, ProcessFigures asteriskProcess,
                                 int callers, double rate, Duration held) throws Exception {
        System.out.println("\nthe hotline: the server answers, greets, runs the menu and holds each caller in its queue");
        try (ServerProcess server = ServerProcess.start(java, asterisk)) {
            server.awaitHealthy();
            String password = Files.readString(asterisk.stateDir().resolve("secrets/agents/010.password")).strip();
            try (Softphone agent = Softphone.named("agent-010-held").account("agent-010", password).start()) {
                agent.awaitRegistered(Duration.ofSeconds(10));
                Thread.sleep(1000); // the server sees the registration
                // Logged in but paused: the queue is staffed, so callers wait in it (key 1 is "orders").
                server.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                server.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                ProcessFigures serverProcess = new ProcessFigures(server.pid(), jcmd);
                Phase hotline = new Phase(asterisk, "hotline", serverProcess, asteriskProcess, callers, rate, held).run();
                Path histogram = AsteriskSandbox.home().resolve("server/target/bench-concurrent-histogram.txt");
                Files.writeString(histogram, hotline.histogram);
                System.out.println("the server's heap histogram with all callers waiting: " + histogram);
                return hotline;
            }
        }
    }

    /** One process's figures from /proc and, for a JVM, jcmd. */
    private record ProcessFigures(long pid, String jcmd) {
        private static final Pattern HEAP_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

        long field(String name) throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no " + name + " for process " + pid);
        }

        String memory() throws Exception {
            return String.format(Locale.ROOT, "resident %.0f MB (peak %.0f MB), %d threads",
                    field("VmRSS") / 1024.0, field("VmHWM") / 1024.0, field("Threads"));
        }

        /**
         * The live heap: the histogram's total, which jcmd counts after a full collection (the
         * serial collector stops the JVM for it). Read from the same command, so what the busy
         * server allocates a moment later is not in it.
         */
        double heapAfterCollection() throws Exception {
            Matcher total = HEAP_TOTAL.matcher(histogram());
            return total.find() ? Long.parseLong(total.group(1)) / (1024.0 * 1024.0) : Double.NaN;
        }

        String histogram() throws Exception {
            return jcmd("GC.class_histogram");
        }

        private String jcmd(String command) throws Exception {
            Process process = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        }
    }

    /** One shape of the run: callers placed into a context, held together, then hung up. */
    private static final class Phase {
        private final AsteriskSandbox asterisk;
        private final String context;
        private final ProcessFigures measured;
        private final ProcessFigures alsoAsterisk;
        private final int callers;
        private final double rate;
        private final Duration held;
        private final Map<String, String> snapshots = new LinkedHashMap<>();
        private List<Double> answers = List.of();
        private int mostHeld;
        private double peakRss;
        private String histogram = "";

        Phase(AsteriskSandbox asterisk, String context, ProcessFigures measured, ProcessFigures alsoAsterisk,
              int callers, double rate, Duration held) {
            this.asterisk = asterisk;
            this.context = context;
            this.measured = measured;
            this.alsoAsterisk = alsoAsterisk;
            this.callers = callers;
            this.rate = rate;
            this.held = held;
        }

        Phase run() throws Exception {
            try (Callers driver = new Callers(asterisk, context)) {
                snapshot("idle", 0);
                Instant start = Instant.now();
                Duration arrivals = Duration.ofNanos((long) (callers / rate * 1e9));
                Thread placing = Thread.ofVirtual().start(() -> driver.placeQuietly(callers, arrivals, rate));
                int[] marks = {callers / 4, callers / 2, callers};
                int next = 0;
                Instant giveUp = start.plus(arrivals).plus(SETTLE);
                Instant lastGrowth = Instant.now();
                while (next < marks.length && Instant.now().isBefore(giveUp)) {
                    int now = driver.held();
                    if (now > mostHeld) {
                        mostHeld = now;
                        lastGrowth = Instant.now();
                    }
                    peakRss = Math.max(peakRss, measured.field("VmRSS") / 1024.0);
                    if (now >= marks[next]) {
                        snapshot(next == 2 ? "all " + marks[next] + " waiting" : marks[next] + " waiting", now);
                        if (next == 2 && measured.jcmd() != null) {
                            histogram = measured.histogram();
                        }
                        next++;
                    } else if (!placing.isAlive() && Duration.between(lastGrowth, Instant.now()).toSeconds() >= 15) {
                        break; // nobody more is coming
                    } else {
                        Thread.sleep(250);
                    }
                }
                if (next < marks.length) {
                    System.out.printf(Locale.ROOT, "  not all callers waited at once: at most %d of %d%s%n", mostHeld, callers,
                            driver.stoppedAt.get() > 0 ? "; placing stopped after " + driver.stoppedAt.get()
                                    + " callers, as more than three rings' worth of them were not answered yet" : "");
                    snapshot("most waiting", driver.held());
                    if (measured.jcmd() != null) {
                        histogram = measured.histogram();
                    }
                }
                Instant until = Instant.now().plus(held);
                long commandsBefore = driver.agiCommands.get();
                while (Instant.now().isBefore(until)) {
                    mostHeld = Math.max(mostHeld, driver.held());
                    peakRss = Math.max(peakRss, measured.field("VmRSS") / 1024.0);
                    Thread.sleep(250);
                }
                snapshot("after " + held.toSeconds() + " s", driver.held());
                if (driver.agiCommands.get() > 0) {
                    double perSecond = (driver.agiCommands.get() - commandsBefore) / (double) held.toSeconds();
                    System.out.printf(Locale.ROOT, "  FastAGI commands while they waited: %.0f a second, %.3f a waiting caller%n",
                            perSecond, perSecond / Math.max(1, driver.held()));
                }
                placing.join();
                answers = driver.answerMillis();
                System.out.printf(Locale.ROOT, "  %d placed, %d seen arriving, %d answered, %d within three rings;"
                                + " answer p50 %.1f ms p99 %.1f ms slowest %.1f ms; originate refused %d%n",
                        driver.stoppedAt.get() > 0 ? driver.stoppedAt.get() : callers, answers.size(),
                        answers.stream().filter(Double::isFinite).count(),
                        answers.stream().filter(ms -> ms <= THREE_RINGS.toMillis()).count(),
                        percentile(50), percentile(99), percentile(100), driver.refused.get());
                driver.hangUpAll();
                Thread.sleep(3_000);
                snapshot("callers gone", driver.held());
            }
            return this;
        }

        private void snapshot(String moment, int waiting) throws Exception {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-26s %5d waiting: %s",
                    moment, waiting, measured.memory()));
            if (measured.jcmd() != null) {
                line.append(String.format(Locale.ROOT, ", heap after a full collection %.0f MB", measured.heapAfterCollection()));
            }
            if (alsoAsterisk != null) {
                line.append("; Asterisk ").append(alsoAsterisk.memory());
            }
            snapshots.put(moment, line.toString());
            System.out.println("  " + line);
        }

        double percentile(int p) {
            return LoadBenchmark.percentile(answers, p);
        }

        void summarise(String name) {
            long within = answers.stream().filter(ms -> ms <= THREE_RINGS.toMillis()).count();
            System.out.printf(Locale.ROOT, "  %s: at most %d of %d waiting at once; %d of %d answered within three rings"
                            + " (p50 %.1f ms, p99 %.1f ms); peak resident memory %.0f MB%n",
                    name, mostHeld, callers, within, answers.size(), percentile(50), percentile(99), peakRss);
            snapshots.values().forEach(line -> System.out.println("    " + line));
        }
    }

    /**
     * Callers on Local channels into one context, followed by their channels' events: arrival and
     * answer, the menu (key 1 pressed as it starts), music on hold, hang-up.
     */
    private static final class Callers implements AutoCloseable {
        private final ManagerConnection ami;
        private final String context;
        private final Map<String, String> callerSide = new ConcurrentHashMap<>(); // by the hotline side's unique id
        private final Map<String, Instant> arrived = new ConcurrentHashMap<>();
        private final Map<String, Instant> answered = new ConcurrentHashMap<>();
        private final Set<String> pressed = ConcurrentHashMap.newKeySet();
        private final Set<String> onHold = ConcurrentHashMap.newKeySet();
        private final Set<String> ended = ConcurrentHashMap.newKeySet();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger stoppedAt = new AtomicInteger();
        private final AtomicLong agiCommands = new AtomicLong();
        private final AtomicInteger next = new AtomicInteger(40_000);
        private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore inFlight = new Semaphore(64);

        Callers(AsteriskSandbox asterisk, String context) throws Exception {
            this.context = context;
            ami = new ManagerConnectionFactory("127.0.0.1", AsteriskSandbox.AMI_PORT, "hotline", asterisk.amiSecret())
                    .createManagerConnection();
            ami.addEventListener(this::seen);
            ami.login();
        }

        private void seen(ManagerEvent event) {
            if (event instanceof NewChannelEvent created && created.getChannel() != null
                    && created.getChannel().startsWith("Local/") && created.getChannel().contains("@" + context + "-")
                    && created.getChannel().endsWith(";2")) {
                String name = created.getChannel();
                callerSide.put(created.getUniqueId(), name.substring(0, name.length() - 1) + "1");
                arrived.put(created.getUniqueId(), TestAmi.at(created));
            } else if (event instanceof NewStateEvent state && Integer.valueOf(6).equals(state.getChannelState())
                    && arrived.containsKey(state.getUniqueId())) {
                answered.putIfAbsent(state.getUniqueId(), TestAmi.at(state));
            } else if (event instanceof AgiExecStartEvent exec && arrived.containsKey(exec.getUniqueId())) {
                agiCommands.incrementAndGet();
                if (exec.getCommand() != null && exec.getCommand().contains("/menu") && pressed.add(exec.getUniqueId())) {
                    String side = callerSide.get(exec.getUniqueId());
                    send(() -> ami.sendAction(new PlayDtmfAction(side, "1"), 10_000));
                }
            } else if (event instanceof MusicOnHoldStartEvent music && arrived.containsKey(music.getUniqueId())) {
                onHold.add(music.getUniqueId());
            } else if (event instanceof HangupEvent hangup && arrived.containsKey(hangup.getUniqueId())) {
                ended.add(hangup.getUniqueId());
            }
        }

        /** Callers on hold now. */
        int held() {
            int count = 0;
            for (String id : onHold) {
                if (!ended.contains(id)) {
                    count++;
                }
            }
            return count;
        }

        void placeQuietly(int calls, Duration over, double rate) {
            try {
                place(calls, over, rate);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Places {@code calls} evenly over {@code over}; stops early when more than three rings'
         * worth of arrivals are not answered yet: the machine no longer keeps up, and pushing on
         * would only bury it.
         */
        void place(int calls, Duration over, double rate) throws InterruptedException {
            long gapNanos = over.toNanos() / calls;
            long start = System.nanoTime();
            long behind = Math.max(20, (long) (rate * THREE_RINGS.toSeconds()));
            for (int i = 0; i < calls; i++) {
                if (i - answered.size() > behind) {
                    stoppedAt.set(i);
                    return;
                }
                long wait = start + i * gapNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                String number = String.valueOf(next.getAndIncrement());
                send(() -> {
                    if (!"Success".equalsIgnoreCase(ami.sendAction(LocalCalls.originate(number, context, "bench-caller"), 10_000)
                            .getResponse())) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
        }

        private void send(Callable<?> action) {
            sending.submit(() -> {
                inFlight.acquire();
                try {
                    return action.call();
                } finally {
                    inFlight.release();
                }
            });
        }

        List<Double> answerMillis() {
            return LocalCalls.answerMillis(arrived, answered);
        }

        void hangUpAll() throws InterruptedException {
            for (String side : callerSide.values()) {
                send(() -> ami.sendAction(new HangupAction(side), 10_000));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ended.size() < arrived.size() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }

        @Override
        public void close() {
            sending.close();
            ami.logoff();
        }
    }
}
