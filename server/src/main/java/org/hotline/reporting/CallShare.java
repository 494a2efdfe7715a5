package org.hotline.reporting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hotline.report.CallFacts;
import org.hotline.report.CallTally;
import org.hotline.report.ReportRules;
import org.hotline.report.Tally;

/** One call's share of the rollups: the hour it arrived in, its queue, and the tally per agent. */
public record CallShare(Instant hour, String queue, Map<String, Tally> tallies) {

    /** The queue of a call that reached none, and the agent of what no agent did. */
    public static final String NONE_FIELD = "-";
    /** No share yet: a call not counted before. */
    static final CallShare NONE = new CallShare(Instant.EPOCH, NONE_FIELD, Map.of());

    public static CallShare of(CallFacts facts, ReportRules rules) {
        return new CallShare(facts.arrivalAt().truncatedTo(ChronoUnit.HOURS), facts.queue() == null ? NONE_FIELD : facts.queue(),
                CallTally.of(facts, rules));
    }

    /** Each agent's tally with its rollup cell. */
    void forEachCell(BiConsumer<RollupCell, Tally> action) {
        tallies.forEach((agent, tally) -> action.accept(
                new RollupCell(queue, agent.equals(CallTally.NO_AGENT) ? NONE_FIELD : agent), tally));
    }

    /** Adds this share to the increments, or takes it away. */
    void addTo(RollupIncrements increments, boolean takeAway) {
        forEachCell((cell, tally) -> increments.add(hour, cell, takeAway ? Tally.ZERO.minus(tally) : tally));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CallShare share) || !hour.equals(share.hour) || !queue.equals(share.queue)) {
            return false;
        }
        Set<String> agents = new HashSet<>(tallies.keySet());
        agents.addAll(share.tallies.keySet());
        return agents.stream().allMatch(agent -> tallies.getOrDefault(agent, Tally.ZERO)
                .equals(share.tallies.getOrDefault(agent, Tally.ZERO)));
    }

    @Override
    public int hashCode() {
        return hour.hashCode() * 31 + queue.hashCode();
    }
}
