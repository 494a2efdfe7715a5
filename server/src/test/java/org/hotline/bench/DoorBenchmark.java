package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.FrontDoor;
import org.hotline.it.SippCallers;

/**
 * Customers' calls (SIPp) through the front door (Kamailio) to real Asterisk nodes, each call's
 * answer time taken from SIPp's own message trace: its INVITE sent → the 200 OK received, so the
 * clock starts where the caller's does and no part of the contact center times itself. Each caller
 * stays on the line a few seconds after the answer (the greeting, then the menu), then hangs up.
 * The packaged server drives node a; node b is the baseline's, which no server drives, or the
 * second node of {@code nodes}. Each round prints the CPU seconds of every process and the load
 * average before and after; a round the server takes part in, also the server's own timer of its
 * script (start → ANSWER sent, /metrics) and its collector's pauses (jstat). The server starts on an
 * empty embedded store ({@code server/target/bench-door-store}).
 *
 * <ul>
 *   <li>{@code answer}: the hotline (the server answers, greets and runs the menu over FastAGI)
 *       against the pure-dialplan path (the same greeting and menu played by the dialplan alone,
 *       {@code bench-dialplan} in the test dialplan) at the same rate, rounds alternating; p50 and
 *       p99 per round, their medians and the ratio; CPU of the processes on each path per call.</li>
 *   <li>{@code ceiling}: the highest steady rate at which every call is answered within three rings
 *       (9 s), the rate stepped up until a step fails, for the baseline and the hotline, their steps
 *       alternating.</li>
 *   <li>{@code nodes}: the same ceiling for the hotline through a front door to node a alone and
 *       through one to nodes a and b (one server driving both), on this same machine.</li>
 * </ul>
 *
 * <p>A node of the test instance has 1,000 RTP ports: at most 500 calls at once, the ringing ones
 * included, so rate × (stay + answer) stays under 500 for a step to measure the machine rather than
 * the port range (a call refused for want of ports shows as unanswered, and in the node's log).
 *
 * <p>Usage (bin/bench runs it): DoorBenchmark JAVA answer [rate/s 35] [seconds of arrivals 20] [rounds 2] [stay s 8];
 * DoorBenchmark JAVA ceiling|nodes [from/s] [step/s] [to/s] [seconds of arrivals] [stay s]
 * (both: 100 25 200 10 2; short calls, so that a node's ports are not the first thing to run out).
 */
public final class DoorBenchmark {

    /** answer.ringSeconds × answer.maxRings of config/hotline.yaml: the handbook's three rings. */
    private static final double THREE_RINGS_MS = 9_000;
    /** What the hotline's callers dial (any number: the server takes it). */
    private static final String HOTLINE = "10000";
    /** The pure-dialplan path of the test dialplan (server/src/test/resources/asterisk/test-callers.conf). */
    private static final String DIALPLAN_ALONE = "bench-dialplan";
    static final double CLOCK_TICKS = 100; // USER_HZ of /proc/<pid>/stat on Linux

    private DoorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArguments line = BenchArguments.of(args);
        String java = args[0];
        String what = line.oneOf(1, "answer", Set.of("answer", "ceiling", "nodes"));
        boolean twoNodes = what.equals("nodes");
        System.out.println(machine());
        // Node b: the baseline's own node, which no server drives (answer, ceiling), or the second node (nodes).
        AsteriskSandbox nodeA = AsteriskSandbox.startNode("a");
        AsteriskSandbox nodeB = AsteriskSandbox.startNode("b");
        String nodes = "a=127.0.0.1:" + nodeA.amiPort() + "@" + nodeA.stateDir()
                + (twoNodes ? ",b=127.0.0.1:" + nodeB.amiPort() + "@" + nodeB.stateDir() : "");
        FrontDoor toA = null;
        FrontDoor toB = null;
        // An empty embedded store each time: what the store already holds weighs on each of its writes.
        Path store = AsteriskSandbox.home().resolve("server/target/bench-door-store");
        removeAll(store);
        try (ServerProcess server = ServerProcess.start(java, nodeA, Map.of("HOTLINE_ASTERISK_NODES", nodes,
                "HOTLINE_DATA_DIR", store.toString()))) {
            server.awaitHealthy();
            toA = FrontDoor.start("bench-a", List.of(sip(nodeA)));
            toB = FrontDoor.start(twoNodes ? "bench-a-b" : "bench-b", twoNodes ? List.of(sip(nodeA), sip(nodeB)) : List.of(sip(nodeB)));
            awaitInRotation(toA, 1);
            awaitInRotation(toB, twoNodes ? 2 : 1);
            Map<String, Long> processes = new LinkedHashMap<>();
            processes.put("server", server.pid());
            processes.put("asterisk a", nodeA.pid());
            processes.put("asterisk b", nodeB.pid());
            processes.put("kamailio to a", toA.pid());
            processes.put(twoNodes ? "kamailio to a,b" : "kamailio to b", toB.pid());
            Bench bench = new Bench(processes, new ServerLook(server, Path.of(java).resolveSibling("jstat").toString()));
            Shape hotline = new Shape(twoNodes ? "the hotline, one node" : "the hotline", toA, HOTLINE,
                    List.of("server", "asterisk a", "kamailio to a"));
            bench.round("warm-up (not counted): the hotline", hotline, 10, Duration.ofSeconds(10), Duration.ofSeconds(4));
            if (twoNodes) {
                bench.ceiling(List.of(hotline, new Shape("the hotline, two nodes", toB, HOTLINE,
                                List.of("server", "asterisk a", "asterisk b", "kamailio to a,b"))), line.whole(2, 100, 1),
                        line.whole(3, 25, 1), line.whole(4, 200, 1), Duration.ofSeconds(line.whole(5, 10, 1)),
                        Duration.ofSeconds(line.whole(6, 2, 0)));
            } else {
                Shape baseline = new Shape("baseline (dialplan alone)", toB, DIALPLAN_ALONE, List.of("asterisk b", "kamailio to b"));
                if (what.equals("answer")) {
                    bench.answer(baseline, hotline, line.positive(2, 35), Duration.ofSeconds(line.whole(3, 20, 1)),
                            line.whole(4, 2, 1), Duration.ofSeconds(line.whole(5, 8, 0)));
                } else {
                    bench.ceiling(List.of(baseline, hotline), line.whole(2, 100, 1), line.whole(3, 25, 1), line.whole(4, 200, 1),
                            Duration.ofSeconds(line.whole(5, 10, 1)), Duration.ofSeconds(line.whole(6, 2, 0)));
                }
            }
        } finally {
            for (FrontDoor door : new FrontDoor[] {toB, toA}) {
                if (door != null) {
                    door.close();
                }
            }
            nodeB.stop();
            nodeA.stop();
        }
        System.out.println(machine());
        System.exit(0);
    }

    /** What the callers dial through which front door, and the processes on their calls' path. */
    private record Shape(String name, FrontDoor door, String dialled, List<String> path) {
    }

    /** One run of callers at a steady rate: every call's INVITE → 200 OK by SIPp's trace, and what it cost. */
    private record Round(String name, double rate, int placed, List<Double> answersMs, double sentOverSeconds,
                         Map<String, Double> cpuSeconds, List<String> path, String loadBefore, String loadAfter) {

        double percentile(double p) {
            if (answersMs.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = answersMs.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
        }

        long late() {
            return placed - answersMs.stream().filter(ms -> ms <= THREE_RINGS_MS).count();
        }

        boolean allWithinThreeRings() {
            return late() == 0;
        }

        /** CPU time of the processes on the calls' path, a call. */
        double cpuPerCall() {
            return path.stream().mapToDouble(process -> cpuSeconds.getOrDefault(process, 0.0)).sum() / placed;
        }

        String describe() {
            StringBuilder cpu = new StringBuilder();
            cpuSeconds.forEach((process, seconds) -> cpu.append(String.format(Locale.ROOT, ", %s %.1f", process, seconds)));
            return String.format(Locale.ROOT, "%s at %.0f/s: %d calls (sent over %.1f s), answered %d, within 9 s %d;"
                            + " INVITE->200 OK p50 %.1f ms, p99 %.1f ms, slowest %.1f ms; CPU s%s (on the path: %.1f ms a call); load %s -> %s",
                    name, rate, placed, sentOverSeconds, answersMs.size(), placed - late(), percentile(50), percentile(99),
                    percentile(100), cpu, cpuPerCall() * 1000, loadBefore, loadAfter);
        }
    }

    /**
     * Where the server's part of a round went, for the rounds it takes part in: its own timer of the
     * inbound script (script start → ANSWER sent, /metrics) and its collector's pauses (jstat).
     */
    private record ServerLook(ServerProcess server, String jstat) {
        private static final String OVERHEAD = "hotline_agi_answer_overhead_seconds";

        record Mark(java.util.NavigableMap<Double, Double> overhead, double[] gc) {
        }

        Mark mark() throws Exception {
            return new Mark(Percentiles.buckets(server.metrics(), OVERHEAD), collections());
        }

        String since(Mark before, double seconds) throws Exception {
            Mark after = mark();
            double pauses = after.gc()[0] - before.gc()[0];
            double paused = after.gc()[1] - before.gc()[1];
            return String.format(Locale.ROOT, "server: script start->ANSWER sent p50 %.1f ms, p99 %.1f ms; collections %.0f,"
                            + " paused %.2f s (%.1f%% of the round, %.0f ms each on average)",
                    Percentiles.between(before.overhead(), after.overhead(), 50) * 1000,
                    Percentiles.between(before.overhead(), after.overhead(), 99) * 1000, pauses, paused,
                    100 * paused / seconds, pauses == 0 ? 0 : 1000 * paused / pauses);
        }

        /** Collections so far and their total pause in seconds (jstat -gc: YGC+FGC, GCT). */
        private double[] collections() throws Exception {
            Process process = new ProcessBuilder(jstat, "-gc", String.valueOf(server.pid())).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            process.waitFor();
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            return new double[] {Double.parseDouble(values[names.indexOf("YGC")]) + Double.parseDouble(values[names.indexOf("FGC")]),
                    Double.parseDouble(values[names.indexOf("GCT")])};
        }
    }

    private record Bench(Map<String, Long> processes, ServerLook server) {

        void answer(Shape baseline, Shape hotline, double rate, Duration arrivals, int rounds, Duration stay) throws Exception {
            System.out.printf(Locale.ROOT, "%nanswer time at %.0f calls/s, %d s of arrivals, each caller on the line %d s after"
                    + " the answer; %d rounds, alternating%n", rate, arrivals.toSeconds(), stay.toSeconds(), rounds);
            Map<Shape, List<Round>> runs = new LinkedHashMap<>();
            runs.put(baseline, new ArrayList<>());
            runs.put(hotline, new ArrayList<>());
            for (int round = 1; round <= rounds; round++) {
                // Each goes first every other round, so neither always meets the other's leftovers.
                for (Shape shape : round % 2 == 1 ? List.of(baseline, hotline) : List.of(hotline, baseline)) {
                    runs.get(shape).add(round("round " + round + ", " + shape.name(), shape, rate, arrivals, stay));
                }
            }
            System.out.printf(Locale.ROOT, "%nmedians of %d rounds at %.0f calls/s:%n", rounds, rate);
            Map<Shape, double[]> medians = new LinkedHashMap<>();
            runs.forEach((shape, done) -> {
                double[] figures = {median(done, r -> r.percentile(50)), median(done, r -> r.percentile(99)),
                        median(done, r -> r.percentile(100)), median(done, Round::cpuPerCall) * 1000};
                medians.put(shape, figures);
                System.out.printf(Locale.ROOT, "  %-26s p50 %.1f ms, p99 %.1f ms, slowest %.1f ms; CPU %.1f ms a call;"
                                + " every call within 9 s in %d of %d rounds%n", shape.name(), figures[0], figures[1], figures[2],
                        figures[3], done.stream().filter(Round::allWithinThreeRings).count(), done.size());
            });
            double[] base = medians.get(baseline);
            double[] ours = medians.get(hotline);
            System.out.printf(Locale.ROOT, "  the hotline / the baseline: p50 x%.2f, p99 x%.2f (aim <= 2), CPU a call x%.2f%n",
                    ours[0] / base[0], ours[1] / base[1], ours[3] / base[3]);
        }

        void ceiling(List<Shape> shapes, int from, int step, int to, Duration arrivals, Duration stay) throws Exception {
            System.out.printf(Locale.ROOT, "%nhighest rate with every call answered within 9 s: from %d to %d calls/s in steps"
                            + " of %d, %d s of arrivals a step, each caller on the line %d s after the answer; a shape stops at"
                            + " its first failed step%n", from, to, step, arrivals.toSeconds(), stay.toSeconds());
            Map<Shape, Integer> highest = new LinkedHashMap<>();
            Map<Shape, Round> failed = new LinkedHashMap<>();
            shapes.forEach(shape -> highest.put(shape, 0));
            for (int rate = from; rate <= to && failed.size() < shapes.size(); rate += step) {
                for (Shape shape : shapes) {
                    if (failed.containsKey(shape)) {
                        continue;
                    }
                    Round run = round(shape.name(), shape, rate, arrivals, stay);
                    if (run.allWithinThreeRings()) {
                        highest.put(shape, rate);
                    } else {
                        failed.put(shape, run);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%nhighest steady rate with every call within 9 s:%n");
            for (Shape shape : shapes) {
                Round first = failed.get(shape);
                System.out.printf(Locale.ROOT, "  %-26s %s%s%n", shape.name(),
                        highest.get(shape) == 0 ? "below " + from + "/s" : highest.get(shape) + "/s",
                        first == null ? " (held to the last step)" : String.format(Locale.ROOT,
                                " (at %.0f/s: %d of %d calls later than 9 s or unanswered, p99 %.0f ms)", first.rate(),
                                first.late(), first.placed(), first.percentile(99)));
            }
            int base = highest.get(shapes.get(0));
            if (base > 0) {
                System.out.printf(Locale.ROOT, "  %s / %s: x%.2f%n", shapes.get(1).name(), shapes.get(0).name(),
                        highest.get(shapes.get(1)) / (double) base);
            }
        }

        Round round(String name, Shape shape, double rate, Duration arrivals, Duration stay) throws Exception {
            int calls = (int) Math.round(rate * arrivals.toMillis() / 1000.0);
            String loadBefore = load();
            Map<String, Double> cpuBefore = cpuSeconds();
            boolean withServer = shape.path().contains("server");
            ServerLook.Mark mark = withServer ? server.mark() : null;
            long began = System.nanoTime();
            Map<String, Instant> sent;
            Map<String, Instant> answered;
            try (SippCallers callers = SippCallers.call(shape.door(), shape.dialled(), calls, rate, stay)) {
                callers.awaitEnd(arrivals.plus(stay).plusSeconds(120));
                sent = callers.invitesSent();
                answered = callers.answersReceived();
            }
            Map<String, Double> cpu = new LinkedHashMap<>();
            cpuSeconds().forEach((process, seconds) -> cpu.put(process, seconds - cpuBefore.getOrDefault(process, 0.0)));
            List<Double> answers = new ArrayList<>();
            sent.forEach((call, at) -> {
                Instant answer = answered.get(call);
                if (answer != null) {
                    answers.add(Duration.between(at, answer).toNanos() / 1e6);
                }
            });
            List<Instant> times = sent.values().stream().sorted().toList();
            double over = times.size() < 2 ? 0 : Duration.between(times.getFirst(), times.getLast()).toMillis() / 1000.0;
            Round run = new Round(name, rate, Math.max(calls, sent.size()), answers, over, cpu, shape.path(), loadBefore, load());
            System.out.println(run.describe());
            if (withServer) {
                System.out.println("  " + server.since(mark, (System.nanoTime() - began) / 1e9));
            }
            Thread.sleep(3_000); // the last hang-ups settle before the next round
            return run;
        }

        /** CPU seconds (user + system) each process and its children have used so far, from /proc. */
        private Map<String, Double> cpuSeconds() {
            Map<String, Double> seconds = new LinkedHashMap<>();
            processes.forEach((name, pid) -> seconds.put(name, ProcessHandle.of(pid)
                    .map(root -> Stream.concat(Stream.of(root), root.descendants()).mapToDouble(p -> ticks(p.pid())).sum())
                    .orElse(0.0) / CLOCK_TICKS));
            return seconds;
        }
    }

    private static void removeAll(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]); // utime, stime
        } catch (IOException gone) {
            return 0;
        }
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return InboundBenchmark.median(rounds.stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    private static String sip(AsteriskSandbox node) {
        return "127.0.0.1:" + node.sipPort();
    }

    private static void awaitInRotation(FrontDoor door, int nodes) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (door.nodes().values().stream().filter(flags -> flags.startsWith("A")).count() == nodes) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the front door did not take its " + nodes + " node(s) into rotation: " + door.nodes());
    }

    /** The load average, as uptime shows it (1, 5, 15 minutes). */
    static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        return String.format(Locale.ROOT, "%s UTC; %d cores (%s); load average %s", ZonedDateTime.now(ZoneOffset.UTC)
                .withNano(0).toLocalDateTime(), Runtime.getRuntime().availableProcessors(), model, load());
    }
}
