package org.hotline.campaign;

import java.time.Instant;
import org.hotline.shared.AgentId;

/**
 * One try at a contact: the outbound call's record.
 *
 * @param number      the number 1.. of this attempt for the contact
 * @param agent       the agent on it, or null when agentless
 * @param answeredAt  when the customer answered, or null
 * @param surveyScore the keypad answer 1–5 of a survey, or null
 */
public record Attempt(Contact contact, int number, AgentId agent, Instant startedAt, Instant answeredAt, Instant endedAt,
                      AttemptOutcome outcome, Integer surveyScore) {
}
