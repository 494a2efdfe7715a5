package org.hotline.cases;

import java.time.Instant;
import java.util.Objects;
import org.hotline.shared.AgentId;

/**
 * One line of a case's history: every change is kept with its time and who made it.
 *
 * @param by     the agent who made it, or null when the server did (a deadline passing)
 * @param detail what goes with it: the note, the team lead escalated to, the follow-up's number; or null
 */
public record CaseEntry(Instant at, CaseChange change, AgentId by, String detail) {

    public CaseEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(change, "change");
    }
}
