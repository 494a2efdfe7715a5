package org.hotline.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a case goes to the owner's team lead: at once when it is serious ({@code cases.escalateAtOnce}
 * and above: the handbooks' urgent and major matters) or when it follows up another case (the
 * callback procedure sends follow-ups to the team lead); any other case when its reply deadline
 * passes. A case is escalated once.
 *
 * @param atOnceFrom the lowest severity that goes to the team lead at once
 */
public record EscalationRule(Severity atOnceFrom, TeamLeads teamLeads) {

    public EscalationRule {
        Objects.requireNonNull(atOnceFrom, "atOnceFrom");
        Objects.requireNonNull(teamLeads, "teamLeads");
    }

    public Optional<Escalation> onOpening(Case opened) {
        if (opened.followUpOf() != null) {
            return Optional.of(to(opened, opened.openedAt(), Escalation.Reason.FOLLOW_UP));
        }
        if (opened.severity().compareTo(atOnceFrom) >= 0) {
            return Optional.of(to(opened, opened.openedAt(), Escalation.Reason.SEVERITY));
        }
        return Optional.empty();
    }

    public Optional<Escalation> whenOverdue(Case overdue, Instant at) {
        return overdue.escalation() != null ? Optional.empty() : Optional.of(to(overdue, at, Escalation.Reason.OVERDUE));
    }

    private Escalation to(Case c, Instant at, Escalation.Reason reason) {
        return new Escalation(teamLeads.of(c.owner()).orElse(null), at, reason);
    }
}
