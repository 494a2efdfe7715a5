package org.hotline.cases;

import java.time.Instant;
import java.util.Objects;
import org.hotline.shared.AgentId;

/**
 * The case was passed to a team lead.
 *
 * @param to     the team lead, or null when the roster has none for the owner (then the whole floor is told)
 * @param reason why: its severity, a follow-up, or the reply deadline passing
 */
public record Escalation(AgentId to, Instant at, Reason reason) {

    public Escalation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Reason implements DashedId {
        SEVERITY, FOLLOW_UP, OVERDUE;

        public static java.util.Optional<Reason> byId(String id) {
            return DashedId.find(values(), id);
        }
    }
}
