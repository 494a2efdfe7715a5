package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.TestAmi;

/**
 * Inbound script overhead with a burst of calls arriving at once, against the real Asterisk.
 * Two views of the same moment: Asterisk's (the AGI application starting → Asterisk receiving
 * ANSWER, by its own event timestamps: connect, request, script and command on the wire) and
 * the server's (script start → ANSWER sent). Also arrival → answer for every call.
 *
 * Usage (bin/bench runs it): InboundBenchmark [calls per burst, default 50] [bursts, default 10] [java]
 */
public final class InboundBenchmark {

    private static final String METRIC = "hotline_agi_answer_overhead_seconds";

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int bursts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        List<Double> asteriskP50 = new ArrayList<>();
        List<Double> asteriskP99 = new ArrayList<>();
        List<Double> serverP50 = new ArrayList<>();
        List<Double> serverP99 = new ArrayList<>();
        List<Double> worstAnswer = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(args.length > 2 ? args[2] : "java", asterisk);
             TestAmi ami = new TestAmi(asterisk)) {
            server.awaitHealthy();
            burst(ami, Math.min(10, calls)); // warm-up: JIT, connection pools
            var first = Percentiles.buckets(server.metrics(), METRIC);
            List<Double> allAsterisk = new ArrayList<>();
            for (int b = 1; b <= bursts; b++) {
                var before = Percentiles.buckets(server.metrics(), METRIC);
                Result result = burst(ami, calls);
                Thread.sleep(1000);
                var after = Percentiles.buckets(server.metrics(), METRIC);
                if (after.isEmpty()) {
                    throw new IllegalStateException("the server publishes no " + METRIC + " histogram");
                }
                allAsterisk.addAll(result.samples());
                asteriskP50.add(result.percentile(50));
                asteriskP99.add(result.percentile(99));
                worstAnswer.add(result.worstAnswerMs());
                serverP50.add(Percentiles.between(before, after, 50) * 1000);
                serverP99.add(Percentiles.between(before, after, 99) * 1000);
                System.out.printf(Locale.ROOT, "burst %d: %d calls; Asterisk view AGI start->ANSWER p50 %.2f ms p99 %.2f ms;"
                                + " server view script start->ANSWER sent p50 <= %.3f ms p99 <= %.3f ms;"
                                + " slowest arrival->answer %.0f ms%n", b, result.samples().size(), result.percentile(50),
                        result.percentile(99), serverP50.getLast(), serverP99.getLast(), result.worstAnswerMs());
            }
            var last = Percentiles.buckets(server.metrics(), METRIC);
            Result pooled = new Result(allAsterisk, 0);
            System.out.printf(Locale.ROOT, "%nall %d calls pooled: Asterisk view p50 %.2f ms p99 %.2f ms;"
                            + " server view p50 <= %.3f ms p95 <= %.3f ms p99 <= %.3f ms%n", allAsterisk.size(),
                    pooled.percentile(50), pooled.percentile(99), Percentiles.between(first, last, 50) * 1000,
                    Percentiles.between(first, last, 95) * 1000, Percentiles.between(first, last, 99) * 1000);
        }
        System.out.printf(Locale.ROOT, "%nmedian over %d bursts of %d simultaneous calls (a burst's p99 is its slowest call):%n",
                bursts, calls);
        System.out.printf(Locale.ROOT, "  Asterisk view (AGI app start -> ANSWER received): p50 %.2f ms, p99 %.2f ms%n",
                median(asteriskP50), median(asteriskP99));
        System.out.printf(Locale.ROOT, "  server view (script start -> ANSWER sent):        p50 <= %.3f ms, p99 <= %.3f ms%n",
                median(serverP50), median(serverP99));
        System.out.printf(Locale.ROOT, "  slowest arrival -> answer in a burst:              %.0f ms (rule: 9000 ms)%n",
                median(worstAnswer));
        System.exit(0);
    }

    private record Result(List<Double> samples, double worstAnswerMs) {
        double percentile(int p) {
            List<Double> sorted = samples.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    private static Result burst(TestAmi ami, int calls) throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<NewChannelEvent>> placed = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String number = String.valueOf(20000 + i);
            placed.add(pool.submit(() -> ami.callHotline(number, "<" + number + ">")));
        }
        List<Double> samples = new ArrayList<>();
        double worst = 0;
        for (Future<NewChannelEvent> future : placed) {
            NewChannelEvent call = future.get();
            String id = call.getUniqueId();
            AgiExecStartEvent answer = (AgiExecStartEvent) ami.awaitOn(id, e -> e instanceof AgiExecStartEvent s
                    && s.getCommand() != null && s.getCommand().startsWith("ANSWER"),
                    Duration.ofSeconds(20));
            NewExtenEvent agi = (NewExtenEvent) ami.awaitOn(id, e -> e instanceof NewExtenEvent n
                    && "AGI".equals(n.getApplication()), Duration.ofSeconds(5));
            samples.add(Duration.between(TestAmi.at(agi), TestAmi.at(answer)).toNanos() / 1e6);
            Instant upAt = TestAmi.at(ami.awaitOn(id, e -> e instanceof NewStateEvent s
                    && Integer.valueOf(6).equals(s.getChannelState()), Duration.ofSeconds(10)));
            worst = Math.max(worst, Duration.between(TestAmi.at(call), upAt).toNanos() / 1e6);
            ami.hangUp(call);
        }
        for (Future<NewChannelEvent> future : placed) {
            String id = future.get().getUniqueId();
            ami.awaitOn(id, e -> e instanceof HangupEvent, Duration.ofSeconds(20));
        }
        pool.shutdown();
        return new Result(samples, worst);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
