package org.hotline.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * The agent's ring rule: an agent's phone rings three rings, then the call is offered to the next
 * agent (the handbook's three rings, applied to the agents). Apart from the caller's
 * {@link AnswerRule}: each has its own setting, so changing one leaves the other alone.
 *
 * @param given the rings an agent is given (the caller's ring length)
 */
public record AgentRingRule(Rings given) {

    public AgentRingRule {
        Objects.requireNonNull(given, "given");
    }

    /** Three rings of three seconds. */
    public static AgentRingRule handbook() {
        return new AgentRingRule(Rings.ofHandbook(3));
    }

    /** How long an agent's phone rings for one offer (three rings: 9 s). */
    public Duration ringFor() {
        return given.last();
    }

    /** Whether an agent who answered after this long kept the rule; exactly at the last ring's end keeps it. */
    public boolean kept(Duration rang) {
        return given.cover(rang);
    }
}
