package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hotline.shared.CallId;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.Distributor;
import org.hotline.routing.Offer;
import org.hotline.routing.PriorityRules;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.hotline.routing.WaitingCall;

/**
 * Routing decision time with 500 agents and 5,000 waiting calls: each decision is one agent
 * becoming ready and {@link Distributor#dispatch()} choosing their call; the queue is topped up
 * so 5,000 calls (10% VIP with an advisor, 20% long distance, 5% owned by an agent) always wait.
 *
 * Usage (bin/bench runs it): RoutingBenchmark [decisions, default 200000] [rounds, default 5]
 */
public final class RoutingBenchmark {

    private static final List<Skill> SKILLS = List.of(new Skill("orders"), new Skill("after-sales"),
            new Skill("complaints"), new Skill("agent"));

    public static void main(String[] args) {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long[] nanos = run(decisions, new Random(round));
            Arrays.sort(nanos);
            if (round == 0) {
                continue; // warm-up
            }
            double median = nanos[nanos.length / 2] / 1e3;
            double tail = nanos[(int) (nanos.length * 0.99)] / 1e3;
            double worst = nanos[nanos.length - 1] / 1e3;
            p50.add(median);
            p99.add(tail);
            System.out.printf(Locale.ROOT, "round %d: %d decisions, p50 %.1f µs, p99 %.1f µs, max %.0f µs%n",
                    round, nanos.length, median, tail, worst);
        }
        System.out.printf(Locale.ROOT, "%nrouting decision, 500 agents, 5000 waiting calls: median of %d rounds p50 %.1f µs, p99 %.1f µs%n",
                rounds, InboundBenchmark.median(p50), InboundBenchmark.median(p99));
    }

    private static long[] run(int decisions, Random random) {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<Skill, Integer> skills = new java.util.HashMap<>();
            skills.put(SKILLS.get(i % SKILLS.size()), 1 + random.nextInt(5));
            if (random.nextBoolean()) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
            }
            agents.add(new Agent(new AgentId("A" + i), "Agent " + i, Tier.FRONT_LINE, skills));
        }
        Distributor acd = new Distributor(agents, PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock);
        long[] callNumber = {0};
        Runnable enqueue = () -> {
            WaitingCall call = WaitingCall.ordinary(new CallId("c" + callNumber[0]++),
                    SKILLS.get(random.nextInt(SKILLS.size())), clock.instant());
            int roll = random.nextInt(100);
            if (roll < 10) {
                call = call.asVip(agents.get(random.nextInt(agents.size())).id());
            } else if (roll < 30) {
                call = call.fromLongDistance();
            } else if (roll < 35) {
                call = call.ownedBy(agents.get(random.nextInt(agents.size())).id());
            }
            acd.enqueue(call);
            clock.advance(Duration.ofMillis(5));
        };
        for (Agent agent : agents) {
            acd.phoneRegistered(agent.id(), true);
        }
        while (acd.waitingCount() < 5000) {
            enqueue.run();
        }
        long[] nanos = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            Agent agent = agents.get(random.nextInt(agents.size()));
            acd.ready(agent.id());
            long start = System.nanoTime();
            List<Offer> offers = acd.dispatch();
            nanos[i] = System.nanoTime() - start;
            for (Offer offer : offers) {
                acd.answered(offer.call());
                acd.callEnded(offer.agent());
                acd.pause(offer.agent(), org.hotline.routing.PauseReason.ADMIN);
            }
            if (offers.isEmpty()) {
                acd.pause(agent.id(), org.hotline.routing.PauseReason.ADMIN);
            }
            while (acd.waitingCount() < 5000) {
                enqueue.run();
            }
            clock.advance(Duration.ofMillis(20));
        }
        return nanos;
    }

    private static final class MovableClock extends java.time.Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
