package org.hotline.campaign;

import java.time.Instant;

/**
 * Places one agentless campaign call (survey or notification) and reports how it went. Returns
 * at once; the listener hears from any thread, {@link Listener#ended} exactly once.
 */
public interface OutboundLine {

    void dial(Campaign campaign, Contact contact, Listener listener);

    interface Listener {

        /** The customer picked up (before the message or question is played). */
        void answered(Instant at);

        void ended(Result result);
    }

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
