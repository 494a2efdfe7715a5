package org.hotline.campaign;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Places one agentless campaign call (survey or notification) and reports how it ended. Returns
 * at once; {@code done} is called exactly once, from any thread.
 */
public interface OutboundLine {

    void dial(Campaign campaign, Contact contact, Consumer<Result> done);

    /** Whether calls can be placed now (the link to the switch is up): no contact is claimed while they cannot. */
    default boolean ready() {
        return true;
    }

    /**
     * @param answeredAt  when the customer answered, or null
     * @param surveyScore the keypad answer 1–5, or null
     */
    record Result(AttemptOutcome outcome, Instant answeredAt, Integer surveyScore) {

        public static Result of(AttemptOutcome outcome) {
            return new Result(outcome, null, null);
        }
    }
}
