package org.hotline.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One callback try as Asterisk's channel event log tells it: the agent's leg (placed by an
 * Originate with its own channel id, so its unique id is known) and every leg it dialled (they
 * share its linked id). Read when a server stopped in the middle of the try.
 *
 * @param agentRangAt        the agent's leg began (its CHAN_START)
 * @param agentAnsweredAt    the agent picked up, or null
 * @param customerDialled    a leg toward the customer was started from the agent's
 * @param customerAnsweredAt the earliest answer of a leg toward the customer, or null
 * @param endedAt            the agent's leg's hang-up, or the last event seen
 */
public record CallbackTrace(Instant agentRangAt, Instant agentAnsweredAt, boolean customerDialled, Instant customerAnsweredAt,
                            Instant endedAt) {

    /** The try of the agent's leg {@code channel} in {@code log}; empty when Asterisk has no trace of that leg. */
    public static Optional<CallbackTrace> of(CelLog log, String channel) {
        List<CelEvent> agentLeg = log.events().stream().filter(event -> event.uniqueId().equals(channel))
                .sorted(Comparator.comparing(CelEvent::time)).toList();
        if (agentLeg.isEmpty()) {
            return Optional.empty();
        }
        List<CelEvent> customerLegs = log.events().stream()
                .filter(event -> event.linkedId().equals(channel) && !event.uniqueId().equals(channel))
                .sorted(Comparator.comparing(CelEvent::time)).toList();
        Instant rang = first(agentLeg, CelEvent.CHAN_START).orElse(agentLeg.getFirst().time());
        Instant answered = first(agentLeg, CelEvent.ANSWER).orElse(null);
        Instant customerAnswered = first(customerLegs, CelEvent.ANSWER).orElse(null);
        Instant ended = first(agentLeg, CelEvent.HANGUP).orElse(agentLeg.getLast().time());
        return Optional.of(new CallbackTrace(rang, answered, !customerLegs.isEmpty(), customerAnswered, ended));
    }

    private static Optional<Instant> first(List<CelEvent> events, String type) {
        return events.stream().filter(event -> event.is(type)).map(CelEvent::time).findFirst();
    }
}
